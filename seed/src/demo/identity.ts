import type { Rng } from '@talentmap/core';

// Common surnames and given-name characters; every identity built from them is synthetic.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌宇浩凯鹏飞俊峰晨欣怡婷雪琳玉兰海波辉健亮成龙晓东立新';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character for the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

export interface SyntheticIdentity {
  fullName: string;
  phone: string;
  idNumber: string;
}

/** A well-formed but fictitious identity (the sequence part keeps it unique per talent id). */
export function syntheticIdentity(rng: Rng, talentId: number, districtCode: string, birthYear: number): SyntheticIdentity {
  const given = GIVEN[rng.int(0, GIVEN.length - 1)] + (rng.chance(0.7) ? (GIVEN[rng.int(0, GIVEN.length - 1)] as string) : '');
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const seq = String(talentId % 1000).padStart(3, '0');
  const first17 = `${districtCode}${birthYear}${month}${day}${seq}`;
  return {
    fullName: `${SURNAMES[rng.int(0, SURNAMES.length - 1)]}${given}`,
    phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
    idNumber: first17 + idCheckDigit(first17),
  };
}
