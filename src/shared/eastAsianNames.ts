/**
 * Romanised East Asian family names, to recognise a name written family name first ("Xie
 * Maosong", "Chiang Kai-shek", "Kim Jong-un"). Pinyin surnames cover the commonest Chinese
 * ones (Mainland usage), with compound surnames; Wade–Giles and Cantonese spellings (Taiwan,
 * Hong Kong); the commonest Korean and Vietnamese ones. A surname alone decides nothing: the
 * rest of the name must look like a given name in the same romanisation.
 */
export const EAST_ASIAN_SURNAMES: ReadonlySet<string> = new Set(
  // Pinyin
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang ' +
    'han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng wei su lu ding ren shen yao jin fu ' +
    'fan shi tan liao zou xiong qiu qin jia xue yan duan lei hou long hao kong shao meng wan qian dai xia zhong mao ' +
    'tao yin gu fang bai cui kang mo qiao wen yi chang ni niu geng bi bao guan xing hong zhan zuo cong chai ji ' +
    'lai lan lou miao mu ning ou pang pei qi rao ruan sha shang shu si tong wei xi xin yue zhai zhuang zhuo gong ' +
    'ge hua ke kuang le lian ling man na nie ou qu quan sang shan tu wu xian xiang yong you zang zha ' +
    'ouyang sima zhuge situ shangguan huangfu dongfang murong xiahou zhangsun ' +
    // Wade–Giles, Cantonese and other Chinese spellings
    'chiang chou chao chien chin ching chu chung hsu hsieh hsiao hsia hsiung hsueh kuo kung tsai tseng teng tsao ' +
    'tsui tso wong chan cheung leung lau ng ho tsang yeung kwok tse chow fung lam mak tam tong yip kwan lui lo siu ' +
    'soong sung tai wan au yau choi chiu chong koo kwong law lum ngai poon szeto yung ' +
    // Korean
    'kim lee park choi jung kang cho yoon jang lim oh seo shin kwon hwang ahn jeon moon son bae baek heo nam roh ' +
    'yoo ryu jeong chae cha ha ko jo yun hyun byun ' +
    // Vietnamese
    'nguyen tran le pham hoang phan vu vo dang bui do ngo duong ly'
  ).split(/\s+/),
);

const strip = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\u0308/g, 'v') // ü → v, as pinyin input writes it
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/**
 * One or more pinyin syllables ("Maosong" = mao·song, "Jinping" = jin·ping, "Xi'an"). A syllable
 * without an initial begins with a, o or e and stands first or after an apostrophe, as pinyin
 * spelling requires: "Lee" (le·e) is not pinyin.
 */
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])';
const FINAL =
  '(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v)';
const BARE = '(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)';
const PINYIN = new RegExp(`^(?:${BARE}|${INITIAL}${FINAL})(?:${INITIAL}${FINAL}|'${BARE})*$`);

export function isPinyinWord(word: string): boolean {
  const w = strip(word);
  return w.length >= 1 && w.length <= 12 && PINYIN.test(w);
}

/** Two-character Chinese family names written in characters (欧阳修 → 欧阳 + 修). */
export const COMPOUND_HAN_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '司徒',
  '皇甫',
  '东方',
  '慕容',
  '夏侯',
  '长孙',
  '歐陽',
  '諸葛',
  '司馬',
]);
