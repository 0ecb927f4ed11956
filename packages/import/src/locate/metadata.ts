// Title, year, agency (name, kind, level), contact and the closing block (落款: agency and date),
// from the report's opening lines, its preamble and its last lines.

export interface Contact {
  organisation?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  fax?: string;
  email?: string;
}

const YEAR = /((?:19|20)\d{2})\s*年/;

export function yearOf(title: string | undefined, preamble: string): number | undefined {
  const t = title ? YEAR.exec(title) : null;
  if (t) return Number(t[1]);
  const p = /统计(?:期限|时限|期间|时段)[^。]{0,20}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(preamble);
  if (p) return Number(p[1]);
  return undefined;
}

/** The agency's name: the title up to the year (塔城市人民政府2024年度… → 塔城市人民政府). */
export function agencyFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const m = YEAR.exec(title);
  let name = (m ? title.slice(0, m.index) : "").replace(/[\s　]+/g, "").replace(/[：:，,（(]$/, "");
  // the year first (2024年上海市科委政府信息公开工作年度报告): the name between the year and the report's words
  if (m && m.index === 0)
    name =
      /^(.{2,60}?)(?:政府信息公开|政务公开|信息公开)/.exec(
        title
          .slice(m[0].length)
          .replace(/[\s　]+/g, "")
          .replace(/^度/, ""),
      )?.[1] ?? "";
  return name.length >= 2 && name.length <= 60 ? name : undefined;
}

export type AgencyKind = "government" | "department" | "other";
export type AgencyLevel = "national" | "provincial" | "municipal" | "county" | "township";

/**
 * Kind and level from the name, and for a 市 from the text: a city that speaks of its 县区 is a
 * prefecture-level city, one that speaks of its 乡镇 and 街道 only is county-level. A guess, always
 * reported as such.
 */
export function agencyKindLevel(name: string, text: string): { kind: AgencyKind; level: AgencyLevel } {
  const government = /人民政府$|街道办事处$/.test(name);
  const kind: AgencyKind = government
    ? "government"
    : /(局|厅|委员会|委|办公室|办|署|部|院|中心|管理处)$/.test(name)
      ? "department"
      : "other";
  let level: AgencyLevel;
  if (/^国务院|^国家|^中华人民共和国/.test(name)) level = "national";
  else if (/(乡|镇|街道办事处|街道)(人民政府)?$/.test(name)) level = "township";
  else if (/(省|自治区)(人民政府)?$/.test(name) || /^(北京|天津|上海|重庆)市(人民政府)?$/.test(name)) level = "provincial";
  else if (/(县|旗|区)(人民政府)?$/.test(name) && !/(自治区|新区|实验区|开发区)(人民政府)?$/.test(name)) level = "county";
  else if (/(州|盟)(人民政府)?$/.test(name)) level = "municipal";
  else if (/市(人民政府)?$/.test(name))
    level = /各县|县区|县（市、区）|县\(市、区\)|县市区|各区县|区县/.test(text)
      ? "municipal"
      : /乡镇|街道/.test(text)
        ? "county"
        : "municipal";
  else level = /各县|县区|区县/.test(text) ? "municipal" : "county";
  return { kind, level };
}

function cut(s: string | undefined): string | undefined {
  const t = s?.replace(/[\s。；;，,）)]+$/, "").trim();
  return t ? t : undefined;
}

export function contactOf(preamble: string): Contact {
  const c: Contact = {};
  const org = /请(?:与|向|联系)([^，,。；;（(]{2,40}?)(?:联系|咨询)/.exec(preamble);
  if (org) c.organisation = cut(org[1]);
  const addr = /(?:联系)?地址\s*[:：]?\s*([^；;，,。）)]{4,80})/.exec(preamble);
  if (addr) c.address = cut(addr[1]);
  const post = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/.exec(preamble);
  if (post) c.postcode = post[1]!;
  const phoneLine =
    /(电话(?:及传真|和传真|\/传真|、传真)?|联系电话)\s*[:：]?\s*((?:\d{3,4}[-－—]?)?\d{7,8}(?:[、,，/]\s*(?:\d{3,4}[-－—]?)?\d{7,8})*)/;
  const phone = phoneLine.exec(preamble);
  if (phone) {
    c.phone = phone[2]!.replace(/[－—]/g, "-");
    if (/传真/.test(phone[1]!)) c.fax = c.phone;
  }
  const fax = /(?<!电话[及和/、])传真\s*[:：]\s*((?:\d{3,4}[-－—]?)?\d{7,8})/.exec(preamble);
  if (fax) c.fax = fax[1]!.replace(/[－—]/g, "-");
  const email = /(?:电子邮箱|电子信箱|邮箱|E-?mail)\s*[:：]?\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/i.exec(preamble);
  if (email) c.email = email[1]!;
  return c;
}

const CN_DIGIT: Record<string, string> = {
  〇: "0",
  零: "0",
  Ｏ: "0",
  O: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4 && [...s].every((c) => c in CN_DIGIT)) return Number([...s].map((c) => CN_DIGIT[c]).join(""));
  // 十七, 二十, 三十一
  const m = /^([一二三]?)十([一二三四五六七八九]?)$/.exec(s);
  if (m) return (m[1] ? Number(CN_DIGIT[m[1]]) : 1) * 10 + (m[2] ? Number(CN_DIGIT[m[2]]) : 0);
  if (s.length === 1 && s in CN_DIGIT) return Number(CN_DIGIT[s]);
  return NaN;
}

/** 2025 年 1 月 17 日, 2025年1月17日 or 二〇二五年一月十七日 → 2025-01-17, when it is a real date. */
export function isoDate(text: string): string | undefined {
  const m =
    /^\s*([0-9〇零一二三四五六七八九OＯ]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const [y, mo, d] = [cnNumber(m[1]!), cnNumber(m[2]!), cnNumber(m[3]!)];
  if (!(y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Is this short line an agency's name, as a closing block prints it? */
export function looksLikeAgency(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 40 && !/[。，,；;：:]/.test(t) && !/\d/.test(t);
}
