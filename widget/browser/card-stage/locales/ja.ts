import type { CardStrings } from './strings';

export default {
  incident: '障害',
  maintenance: 'メンテナンス',
  statuses: {
    investigating: '調査中',
    identified: '原因特定',
    monitoring: '監視中',
    in_progress: '実施中',
    verifying: '検証中',
  },
  more: 'ほか{n}件',
  readMore: '続きを読む',
  dismiss: 'ステータスメッセージを閉じる',
} satisfies CardStrings;
