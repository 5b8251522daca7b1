/** How the counts of people in an aggregate were published (the API's `disclosure`). */
export function DisclosureNote({ disclosure }: { disclosure: 'exact' | 'protected' }) {
  return <span className="disclosure">{disclosure === 'exact' ? '精确数据（规划人员）' : '小数保护：少于5人不显示，其余按5取整'}</span>;
}
