import type { ImportKind } from '@talentmap/core';

/** One column of an import template: the English key and the Chinese header both name it in a file. */
export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  /** For the template's 说明 sheet. */
  note: string;
  /** The template's example row: imports as it stands on the demo dataset. */
  example: string;
  /** Values offered in the XLSX as a data-validation list. */
  list?: readonly string[];
}

export const YES_NO = ['是', '否'] as const;
export const GRADE_NAMES = ['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师'] as const;
export const EMPLOYMENT_NAMES = { employed: '在职', unemployed: '失业', student: '在校' } as const;
export const SIZE_NAMES = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;
export const INSTITUTION_KIND_NAMES = {
  technical_school: '技工院校',
  training_body: '培训机构',
  training_base: '实训基地',
  master_studio: '技能大师工作室',
} as const;
export const MODE_NAMES = { online: '线上', offline: '线下', blended: '线上线下' } as const;

const LIST_NOTE = '多个值用“；”或“、”分隔';
const GRADE_NOTE = '新八级工等级：1–8 或名称（高级工），也可写原国家职业资格等级（三级）';
const DISTRICT_NOTE = '区县的名称或 6 位代码，如 姑苏区、苏州市姑苏区、320508';
const col = (key: string, header: string, required: boolean, note: string, example: string, list?: readonly string[]): ImportColumn => ({
  key,
  header,
  required,
  note,
  example,
  ...(list ? { list } : {}),
});
const externalId = (example: string) => col('externalId', '外部编号', true, '本记录在原系统中的编号；再次导入同一编号即更新该记录', example);

/** The columns of each kind, in template order; the first is always the external id. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  talents: [
    externalId('T-2024-000001'),
    col('fullName', '姓名', true, '加密存储，匹配与地图从不读取', '示例张三'),
    col('idNumber', '身份证号', true, '18 位居民身份证号，校验位须正确；加密存储，仅用于去重', '320106199001010016'),
    col('phone', '手机号', true, '11 位手机号；加密存储', '13900000001'),
    col('regionCode', '所在区县', true, DISTRICT_NOTE, '姑苏区'),
    col('occupation', '职业', false, '2022 版职业分类大典的编码、名称或常用名', '6-31-01-03'),
    col('grade', '技能等级', true, GRADE_NOTE, '高级工', GRADE_NAMES),
    col('yearsExperience', '工作年限', true, '整数，0–60', '8'),
    col('employmentStatus', '就业状态', true, '在职、失业或在校', '在职', Object.values(EMPLOYMENT_NAMES)),
    col('openToOffers', '接受岗位推荐', false, '是/否，默认否', '是', YES_NO),
    col('skills', '技能', false, `技能名称，可在括号中写熟练度 1–5，如 电气安装（4）；${LIST_NOTE}；不填则按职业的技能画像`, '电气安装（4）；PLC编程'),
    col('certificates', '证书', false, LIST_NOTE, ''),
    col('willingRadiusKm', '通勤半径（公里）', false, '整数，默认 30', '30'),
    col('lng', '经度', false, '住址经度（只保存到约 2.5 公里的网格中心）；不填则用区县中心', ''),
    col('lat', '纬度', false, '住址纬度', ''),
  ],
  seekers: [
    externalId('S-2024-000001'),
    col('talentExternalId', '人才外部编号', false, '已导入的技能人才的外部编号（可不填）', ''),
    col('regionCode', '登记区县', true, DISTRICT_NOTE, '玄武区'),
    col('occupation', '求职职业', true, '2022 版职业分类大典的编码、名称或常用名', '电工'),
    col('grade', '技能等级', true, GRADE_NOTE, '中级工', GRADE_NAMES),
    col('registeredOn', '登记日期', true, '如 2024-01-05、2024/1/5、2024年1月5日', '2025-03-01'),
    col('closedOn', '结束日期', false, '求职结束（就业或注销）的日期', ''),
  ],
  enterprises: [
    externalId('E-2024-000001'),
    col('name', '企业名称', true, '', '示例精密制造有限公司'),
    col('regionCode', '所在区县', true, DISTRICT_NOTE, '苏州市姑苏区'),
    col('size', '企业规模', true, '微型、小型、中型或大型', '中型', Object.values(SIZE_NAMES)),
    col('chainLeader', '链主企业', false, '是/否，默认否', '否', YES_NO),
    col('chains', '所属产业链', false, `产业链名称或代码；${LIST_NOTE}`, ''),
    col('lng', '经度', false, '不填则用区县中心', ''),
    col('lat', '纬度', false, '', ''),
  ],
  vacancies: [
    externalId('V-2024-000001'),
    col('enterpriseExternalId', '企业外部编号', false, '管理员导入时必填；企业账号导入自己的岗位时不填', 'SYN-E000001'),
    col('title', '岗位名称', true, '', '二氧化碳保护焊焊工'),
    col('occupation', '职业', true, '2022 版职业分类大典的编码、名称或常用名', '6-18-02-04'),
    col('grade', '技能等级要求', true, GRADE_NOTE, '中级工', GRADE_NAMES),
    col('headcount', '招聘人数', true, '整数', '3'),
    col('wageMin', '最低月薪（元）', true, '整数', '6000'),
    col('wageMax', '最高月薪（元）', true, '整数，不低于最低月薪', '9000'),
    col('skills', '技能要求', false, `技能名称；${LIST_NOTE}；不填则按职业的技能画像`, ''),
    col('regionCode', '工作区县', false, `${DISTRICT_NOTE}；默认企业所在区县`, ''),
    col('postedOn', '发布日期', false, '默认今天', '2025-06-01'),
    col('filledOn', '招满日期', false, '已招满或撤回的日期；不填即仍在招', ''),
  ],
  institutions: [
    externalId('I-2024-000001'),
    col('name', '机构名称', true, '', '示例职业技能培训学校'),
    col('kind', '机构类型', true, '技工院校、培训机构、实训基地或技能大师工作室', '培训机构', Object.values(INSTITUTION_KIND_NAMES)),
    col('regionCode', '所在区县', true, DISTRICT_NOTE, '南京市鼓楼区'),
    col('capacity', '年培训能力（人次）', true, '整数', '500'),
    col('lng', '经度', false, '不填则用区县中心', ''),
    col('lat', '纬度', false, '', ''),
  ],
  programs: [
    externalId('P-2024-000001'),
    col('institutionExternalId', '机构外部编号', false, '管理员导入时必填；院校账号导入自己的项目时不填', 'SYN-I000001'),
    col('name', '项目名称', true, '', '电工（高级）培训班'),
    col('occupations', '对应职业', true, `2022 版职业分类大典的编码、名称或常用名；${LIST_NOTE}`, '电工'),
    col('grade', '培训等级', true, GRADE_NOTE, '高级工', GRADE_NAMES),
    col('hours', '学时', true, '整数', '120'),
    col('capacity', '年招生人数', true, '整数', '60'),
    col('subsidyEligible', '可享受培训补贴', false, '是/否，默认否', '是', YES_NO),
    col('mode', '培训方式', false, '线上、线下或线上线下，默认线下', '线下', Object.values(MODE_NAMES)),
    col('skills', '培训技能', false, `技能名称；${LIST_NOTE}；不填则按职业的技能画像`, ''),
  ],
};
