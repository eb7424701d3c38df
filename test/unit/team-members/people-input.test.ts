import { describe, expect, it } from 'vitest';
import { MAX_PEOPLE, MAX_PEOPLE_TEXT, parsePeople } from '../../../extension/team-members/people-input';

describe('the people pasted into "Add people"', () => {
  it('reads one email a line, skipping blank lines, and reports what is not an email', () => {
    expect(parsePeople('ada@acme.example\n\n  bob@acme.example \nnot an email\ncy@localhost\n')).toEqual({
      people: [{ email: 'ada@acme.example' }, { email: 'bob@acme.example' }],
      problems: ['line 4: “not an email” is not an email address', 'line 5: “cy@localhost” is not an email address'],
    });
  });

  it('reads a CSV with a header naming its columns, in any order, quoted cells included', () => {
    const text = 'Last name,Email,First name\r\n"Lovelace, Countess",ada@acme.example,Ada\r\nHopper,grace@acme.example,Grace\r\n';
    expect(parsePeople(text).people).toEqual([
      { email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace, Countess' },
      { email: 'grace@acme.example', firstName: 'Grace', lastName: 'Hopper' },
    ]);
  });

  it('reads a CSV without a header as email, first name, last name; and a "name" column split at its first space', () => {
    expect(parsePeople('ada@acme.example,Ada,Lovelace').people).toEqual([{ email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace' }]);
    expect(parsePeople('email,name,user_id\nada@acme.example,Ada King Lovelace,u1').people).toEqual([
      { email: 'ada@acme.example', firstName: 'Ada', lastName: 'King Lovelace' },
    ]);
  });

  it('counts the same email once, whatever its case', () => {
    const input = parsePeople('ada@acme.example\nADA@acme.example');
    expect(input.people).toHaveLength(1);
    expect(input.problems).toEqual(['line 2: ADA@acme.example is listed already']);
  });

  it('keeps hostile text as data: script in a name, __proto__ as a column', () => {
    const input = parsePeople('email,first_name,__proto__\nx@acme.example,<script>alert(1)</script>,y');
    expect(input.people).toEqual([{ email: 'x@acme.example', firstName: '<script>alert(1)</script>' }]);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it('refuses text over the cap whole, and stops at the most people at once, saying so', () => {
    expect(parsePeople('a'.repeat(MAX_PEOPLE_TEXT + 1))).toEqual({ people: [], problems: [expect.stringContaining('longer than')] });
    const many = Array.from({ length: MAX_PEOPLE + 2 }, (_, i) => `p${i}@acme.example`).join('\n');
    const input = parsePeople(many);
    expect(input.people).toHaveLength(MAX_PEOPLE);
    expect(input.problems).toEqual([`More than ${MAX_PEOPLE} people: the rest, from line ${MAX_PEOPLE + 1}, are left out`]);
  });

  it('refuses a name longer than Statuspage takes rather than cutting it, and reports an unclosed quote', () => {
    expect(parsePeople(`ada@acme.example,${'a'.repeat(256)}`).problems).toEqual(['line 1: a name longer than 255 characters']);
    expect(parsePeople('"ada@acme.example').problems).toEqual(['A quoted cell on row 1 is never closed']);
  });
});
