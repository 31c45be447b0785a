/**
 * One entry per language, keyed by ISO 639-1 code: everything the text layer needs to know
 * about a language as data. Adding a language is adding an entry: its Snowball stemmer (by
 * code, from `multilingual-stemmer`), its stop words (from `stopword`), its script (which picks
 * the folding and the segmentation), the question words that say what kind of answer is asked
 * for, and the abbreviations that do not end a sentence.
 */
import * as sw from "stopword";
import type { IsoCode } from "multilingual-stemmer";

/**
 * What kind of thing a question asks for, as the table's cues and the answerer
 * (answer/answer-type.ts) read it: "name" is a named thing of the asked kind ("which X");
 * "other" is none, and in a cue it rules the rest out.
 */
export type AnswerType = "person" | "time" | "number" | "place" | "name" | "other";

export type Script =
  "latin" | "cyrillic" | "greek" | "arabic" | "devanagari" | "thai" | "han" | "japanese" | "turkish";

export interface Cue {
  /**
   * Words (or, in a script without spaces, substrings) of the question, lower-cased; a leading
   * "^" matches only at the question's start (Arabic "من" is "who" there and "from" elsewhere).
   */
  phrases: string[];
  type: AnswerType;
}

export interface LanguageEntry {
  code: string;
  name: string;
  script: Script;
  /** `multilingual-stemmer`'s ISO code of the Snowball algorithm, or null when Snowball has none. */
  snowball: IsoCode | null;
  stopWords: readonly string[];
  /**
   * Words a question uses to ask rather than to name its topic ("what", "which", "name",
   * "type"): stop words too, as English's own list has them.
   */
  fillers: string[];
  /** Checked in order: the first cue found in a question gives its type. */
  cues: Cue[];
  /** Words that end with a full stop without ending a sentence, lower-cased, without the stop. */
  abbreviations: string[];
  /**
   * Numbers written as words, beyond what ICU gives (its digits, and its compact-notation
   * "thousand", "million"): two to ten, hundred; Han numerals. Lower-cased. Never the word for
   * "one", which is the indefinite article in many languages.
   */
  numerals?: string[];
  /** Nouns are capitalised too (German): a capital says nothing about a name. */
  capitalisesNouns?: boolean;
  /** Latin-script languages whose diacritics tell words apart (Vietnamese tones) keep them. */
  keepMarks?: boolean;
  /**
   * Prefixes rewritten before stemming, where the stemmer misses them: Snowball's Arabic strips
   * "ال" and "بال" but leaves "وال" ("and the"), one of the commonest prefixes. Applied only when
   * at least three letters remain.
   */
  prefixRewrites?: [from: string, to: string][];
  /**
   * Words that negate a clause ("not", "never"), lower-cased; an entry that starts with "-" is a
   * word ending ("-n't"). Only English has a list: translated questions often negate what
   * their original does not ("What did the Chinese dislike?", "Was gefiel den Chinesen
   * nicht?"), so a list raises false abstention there, and no unanswerable questions in those
   * languages show what it would gain. Without a list the decision has no negation feature in
   * that language.
   */
  negations?: string[];
  /** Phrases whose negation word negates nothing ("whether or not", "not only"), lower-cased. */
  idleNegations?: string[];
  /**
   * Question openings that ask for a reason ("why", "how come"), lower-cased. "Why won't
   * shareholders get appraisal rights?" is a reader's question, answered by a reason ("because
   * it is an asset sale") that need not repeat the "not", so the decision does not read its
   * negation as asking the opposite of the sentence.
   */
  reasonQuestions?: string[];
}

const NO_SPACES: ReadonlySet<Script> = new Set(["thai", "han", "japanese"]);

/** Scripts written without spaces between words: segmented by ICU's dictionaries, cues found as substrings. */
export function writtenWithoutSpaces(script: Script): boolean {
  return NO_SPACES.has(script);
}

const CASED: ReadonlySet<Script> = new Set(["latin", "cyrillic", "greek", "turkish"]);

/** Scripts with capital letters, by which a name can be told from a word (unless nouns have them too). */
export function hasCapitals(script: Script): boolean {
  return CASED.has(script);
}

const cue = (type: AnswerType, list: string): Cue => ({ type, phrases: list.split("|") });

const ENTRIES: LanguageEntry[] = [
  {
    code: "en",
    name: "English",
    script: "latin",
    snowball: "en",
    stopWords: sw.eng,
    fillers: [],
    cues: [
      cue("number", "how many|how much|how long|how old|how far|what percentage|what number|what amount"),
      cue("time", "when|what year|which year|what date|what century|which century|what decade"),
      cue("person", "who|whom|whose"),
      cue("place", "where|what country|which country|what city|which city"),
      cue("name", "which"),
    ],
    abbreviations:
      "mr mrs ms dr prof st jr sr vs etc e.g i.e inc ltd co no fig jan feb mar apr aug sept oct nov dec".split(
        " ",
      ),
    negations: ["not", "never", "no", "none", "nor", "cannot", "without", "-n't", "-n’t"],
    idleNegations: ["or not", "not only"],
    reasonQuestions: ["why", "how come"],
  },
  {
    code: "es",
    name: "Spanish",
    script: "latin",
    snowball: "es",
    stopWords: sw.spa,
    // `stopword`'s Spanish list has no verbs: the copulas a question asks with are added here.
    fillers:
      "qué|cuál|cuáles|nombre|llama|llamaba|llamó|tipo|clase|es|son|era|eran|fue|fueron|ser|sido|está|están|estaba|estaban".split(
        "|",
      ),
    cues: [
      cue("number", "cuántos|cuántas|cuánto|cuánta|qué porcentaje|qué cantidad|qué número"),
      cue("time", "cuándo|qué año|en qué año|qué fecha|qué siglo|qué década"),
      cue("person", "quién|quiénes|de quién"),
      cue("place", "dónde|adónde|qué país|qué ciudad|en qué lugar"),
      cue("name", "cuál|cuáles"),
    ],
    numerals: "dos tres cuatro cinco seis siete ocho nueve diez cien ciento cientos".split(" "),
    abbreviations: "sr sra srta dr dra prof ud uds etc pág núm art ej aprox av".split(" "),
  },
  {
    code: "de",
    name: "German",
    script: "latin",
    capitalisesNouns: true,
    snowball: "de",
    stopWords: sw.deu,
    fillers: "was|welche|welcher|welches|welchen|welchem|name|namen|heißt|hieß|art|typ".split("|"),
    cues: [
      cue("number", "wie viele|wie viel|wieviele|wieviel|wie lange|wie alt|wie hoch|wie groß|welcher anteil"),
      cue("time", "wann|in welchem jahr|welches jahr|welchem jahrhundert|seit wann|bis wann"),
      cue("person", "wer|wem|wen|wessen"),
      cue("place", "wo|wohin|woher|in welchem land|welches land|in welcher stadt|welche stadt"),
      cue("name", "welche|welcher|welches|welchen|welchem"),
    ],
    numerals: "zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig hundert hunderte".split(" "),
    abbreviations: "z.b bzw usw dr prof nr ca vgl s hr fr str bspw d.h u.a z.t evtl ggf inkl jh".split(" "),
  },
  {
    code: "el",
    name: "Greek",
    script: "greek",
    snowball: "el",
    stopWords: sw.ell,
    fillers: "τι|ποιο|ποια|ποιες|ποιου|ποιας|όνομα|ονομάζεται|ονομαζόταν|είδος|τύπος|είναι|ήταν".split("|"),
    cues: [
      cue("number", "πόσοι|πόσες|πόσα|πόσο|πόση|πόσων|ποσοστό"),
      cue("time", "πότε|ποιο έτος|ποια χρονιά|ποιον αιώνα|ποια ημερομηνία|σε ποιο έτος"),
      cue("person", "^ποιος ήταν|^ποιοι ήταν|^ποιος είναι|^ποιος|^ποιοι|από ποιον|ποιανού"),
      cue("place", "^πού|σε ποια περιοχή|ποια χώρα|ποια πόλη|σε ποια χώρα|σε ποια πόλη"),
      cue("name", "ποιο|ποια|ποιες|ποιου|ποιας|ποιον|ποιους|ποιων"),
    ],
    numerals: "δύο τρία τρεις τέσσερα τέσσερις πέντε έξι επτά εφτά οκτώ εννέα δέκα εκατό".split(" "),
    abbreviations: "κ κα δρ π.χ κλπ αι χλμ".split(" "),
  },
  {
    code: "ru",
    name: "Russian",
    script: "cyrillic",
    snowball: "ru",
    stopWords: sw.rus,
    fillers: "что|какой|какая|какое|какие|каким|какую|каков|название|называется|назывался|имя|тип|вид".split(
      "|",
    ),
    cues: [
      cue("number", "сколько|какой процент|какое количество|какая доля"),
      cue("time", "когда|в каком году|какой год|в каком веке|какого числа|с какого года"),
      cue("person", "кто|кого|кому|кем|чей|чья|чьи"),
      cue("place", "где|куда|откуда|в какой стране|какая страна|в каком городе|какой город"),
      cue("name", "какой|какая|какое|какие|каким|какую|каком|какого|каких|какими|какому"),
    ],
    numerals: "два две три четыре пять шесть семь восемь девять десять сто сотни".split(" "),
    abbreviations: "г гг т.е т.д т.п др пр ул им см стр проф млн млрд тыс руб в вв".split(" "),
  },
  {
    code: "uk",
    name: "Ukrainian",
    script: "cyrillic",
    snowball: null,
    stopWords: sw.ukr,
    fillers: "що|який|яка|яке|які|якого|назва|називається|тип|вид".split("|"),
    cues: [
      cue("number", "скільки|який відсоток|яка кількість"),
      cue("time", "коли|в якому році|у якому році|який рік|в якому столітті"),
      cue("person", "хто|кого|кому|ким|чий|чия|чиї"),
      cue("place", "де|куди|звідки|в якій країні|яка країна|в якому місті"),
      cue("name", "який|яка|яке|які|якого|якій|якому|яким|яких|якою"),
    ],
    numerals: "два дві три чотири п'ять шість сім вісім дев'ять десять сто".split(" "),
    abbreviations: "р рр т.д т.п ін вул ім див с проф млн млрд тис грн ст".split(" "),
  },
  {
    code: "tr",
    name: "Turkish",
    script: "turkish",
    snowball: "tr",
    stopWords: sw.tur,
    fillers: "ne|neydi|nedir|hangi|adı|adlı|isim|ismi|tür|türü|çeşit".split("|"),
    cues: [
      cue("number", "kaç|ne kadar|yüzde kaç|kaçıncı"),
      cue("time", "ne zaman|hangi yıl|hangi yılda|hangi tarihte|hangi yüzyılda"),
      cue("person", "kim|kimin|kime|kimi|kimler"),
      cue("place", "nerede|nereye|nereden|hangi ülke|hangi şehir|hangi ülkede|hangi şehirde"),
      cue("name", "hangi"),
    ],
    numerals: "iki üç dört beş altı yedi sekiz dokuz on yüz".split(" "),
    abbreviations: "dr prof av doç yrd vb vs örn bkz sf".split(" "),
  },
  {
    code: "ar",
    name: "Arabic",
    script: "arabic",
    snowball: "ar",
    prefixRewrites: [
      ["وال", "ال"],
      ["فال", "ال"],
    ],
    stopWords: sw.ara,
    fillers: "ما|ماذا|أي|الذي|التي|اسم|يسمى|تسمى|نوع|يتم".split("|"),
    cues: [
      cue("number", "كم|ما عدد|ما هو عدد|ما نسبة|ما هي نسبة"),
      cue("time", "متى|في أي عام|في أي سنة|أي عام|أي سنة|في أي قرن|ما تاريخ"),
      cue("person", "من هو|من هي|من هم|من كان|من كانت|لمن|من الذي|^من"),
      cue("place", "أين|في أي بلد|أي بلد|أي مدينة|في أي مدينة|في أي دولة"),
      cue("name", "أي|ما اسم|ما هو اسم"),
    ],
    numerals: "اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة مائة مئة".split(" "),
    abbreviations: "د م ه ق.م ص ج".split(" "),
  },
  {
    code: "fa",
    name: "Persian",
    script: "arabic",
    snowball: "fa",
    stopWords: sw.fas,
    fillers: "چه|چیست|کدام|نام|اسم|نوع".split("|"),
    cues: [
      cue("number", "چند|چقدر|چه تعداد|چند درصد"),
      cue("time", "^کی|چه زمانی|چه سالی|در چه سالی|چه تاریخی|چه قرنی"),
      cue("person", "چه کسی|چه کسانی|کیست|کی بود"),
      cue("place", "کجا|کجاست|در کجا|کدام کشور|کدام شهر|چه کشوری|چه شهری"),
      cue("name", "کدام|چه نامی"),
    ],
    numerals: "دو سه چهار پنج شش هفت هشت ده صد".split(" "),
    abbreviations: "ق.م ه.ش ه.ق ص ج".split(" "),
  },
  {
    code: "hi",
    name: "Hindi",
    script: "devanagari",
    snowball: "hi",
    stopWords: sw.hin,
    fillers: "क्या|किस|नाम|प्रकार|तरह".split("|"),
    cues: [
      // "कौन सा" is "which", not "who".
      cue("name", "कौन सा|कौन से|कौन सी|कौनसा|कौनसे|कौनसी"),
      cue("number", "कितने|कितनी|कितना|कितनों|कितने प्रतिशत"),
      cue("time", "कब|किस वर्ष|किस साल|किस सदी|किस शताब्दी|किस तारीख|किस दिन"),
      cue("person", "कौन|किसने|किसको|किसे|किसका|किसकी|किसके"),
      cue("place", "कहाँ|कहां|किस देश|किस शहर|किस स्थान|किस जगह"),
      cue("name", "किस"),
    ],
    numerals: "दो तीन चार पांच पाँच छह सात आठ नौ दस सौ".split(" "),
    abbreviations: "डॉ श्री श्रीमती प्रो सं ई.पू".split(" "),
  },
  {
    code: "th",
    name: "Thai",
    script: "thai",
    snowball: null,
    stopWords: sw.tha,
    fillers: "อะไร|ไหน|ใด|ชื่อ|ประเภท|ชนิด".split("|"),
    cues: [
      cue("number", "กี่|เท่าไร|เท่าไหร่|จำนวนเท่าใด|ร้อยละเท่าใด"),
      cue("time", "เมื่อไร|เมื่อไหร่|เมื่อใด|ปีใด|ปีไหน|ปีอะไร|ศตวรรษใด|วันที่เท่าไร"),
      cue("person", "ใคร|ผู้ใด|บุคคลใด"),
      cue("place", "ที่ไหน|ที่ใด|ประเทศใด|ประเทศอะไร|เมืองใด|เมืองอะไร"),
      cue("name", "ใด|ไหน"),
    ],
    numerals: "สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ ร้อย".split(" "),
    abbreviations: "ดร ศ รศ ผศ พ.ศ ค.ศ".split(" "),
  },
  {
    code: "zh",
    name: "Chinese",
    script: "han",
    snowball: null,
    stopWords: sw.zho,
    fillers: "什么|啥|哪个|哪一|哪些|哪种|哪|叫|称为|名字|名称|类型|一个|什么样|谁在|谁是".split("|"),
    cues: [
      cue("number", "多少|几个|几名|几位|几次|几年|多大|多长|多高|多远|百分之几"),
      // With the spoken forms a chat uses: 啥时候 (when), 哪天 (which day), 几号 (what date).
      cue("time", "什么时候|啥时候|何时|哪一年|哪年|几月|哪一天|哪天|几号|哪个世纪|哪一世纪|什么时间|何年"),
      cue("person", "谁|哪位|哪一位|何人|什么人|哪个人"),
      cue("place", "哪里|哪儿|何处|什么地方|哪个国家|哪个城市|哪国|在哪"),
      cue("name", "哪"),
    ],
    numerals: "十 百 千 两 二 三 四 五 六 七 八 九".split(" "),
    abbreviations: [],
  },
  {
    code: "ja",
    name: "Japanese",
    script: "japanese",
    snowball: null,
    stopWords: sw.jpn,
    fillers: "何|なに|なん|どの|どれ|名前|種類".split("|"),
    cues: [
      cue("number", "いくつ|いくら|何人|何個|何回|何パーセント|何割|どのくらい|どれくらい|何本|何台"),
      cue("time", "いつ|何年|何月|何日|何世紀|何時"),
      cue("person", "誰|だれ|どなた|どの人物"),
      cue("place", "どこ|どの国|どの都市|どちら"),
      cue("name", "どの|どれ"),
    ],
    numerals: "十 百 千 二 三 四 五 六 七 八 九".split(" "),
    abbreviations: [],
  },
  {
    code: "vi",
    name: "Vietnamese",
    script: "latin",
    snowball: null,
    keepMarks: true,
    stopWords: sw.vie,
    fillers: "gì|nào|tên|loại|được gọi".split("|"),
    cues: [
      cue("number", "bao nhiêu|mấy|bao lâu|tỷ lệ bao nhiêu"),
      cue("time", "khi nào|bao giờ|lúc nào|năm nào|năm bao nhiêu|thế kỷ nào|ngày nào"),
      cue("person", "ai|người nào|của ai"),
      cue("place", "ở đâu|đâu|nơi nào|nước nào|quốc gia nào|thành phố nào"),
      cue("name", "nào"),
    ],
    numerals: "hai ba bốn sáu bảy tám chín mười trăm".split(" "),
    abbreviations: "tp ts ths pgs gs ông bà".split(" "),
  },
  {
    code: "ro",
    name: "Romanian",
    script: "latin",
    snowball: "ro",
    stopWords: sw.ron,
    fillers: "ce|care|numele|nume|tip|fel".split("|"),
    cues: [
      cue("number", "câți|câte|cât|ce procent|ce număr"),
      cue("time", "când|în ce an|ce an|în ce secol|ce dată"),
      cue("person", "cine|pe cine|cui|al cui|a cui"),
      cue("place", "unde|încotro|în ce țară|ce țară|în ce oraș|ce oraș"),
      cue("name", "^care|^în care|^pe care|ce nume"),
    ],
    numerals: "doi două trei patru cinci șase șapte opt nouă zece sută".split(" "),
    abbreviations: "dl dna dr prof nr str etc pag art".split(" "),
  },
  {
    code: "fr",
    name: "French",
    script: "latin",
    snowball: "fr",
    stopWords: sw.fra,
    fillers: "que|quoi|quel|quelle|quels|quelles|nom|appelle|type|genre".split("|"),
    cues: [
      cue("number", "combien|quel pourcentage|quelle proportion|quel nombre"),
      cue("time", "quand|en quelle année|quelle année|quel siècle|quelle date|depuis quand"),
      cue("person", "^qui|à qui|de qui|qui est|qui était|qui a"),
      cue("place", "où|d'où|quel pays|quelle ville|dans quel pays|dans quelle ville"),
      cue("name", "quel|quelle|quels|quelles|lequel|laquelle"),
    ],
    numerals: "deux trois quatre cinq six sept huit neuf dix cent".split(" "),
    abbreviations: "m mme mlle mm dr pr st ste etc p ex cf av bd env".split(" "),
  },
  {
    code: "pt",
    name: "Portuguese",
    script: "latin",
    snowball: "pt",
    stopWords: sw.por,
    // Nor has its Portuguese list: the copulas.
    fillers:
      "que|qual|quais|nome|chama|tipo|é|são|era|eram|foi|foram|ser|sido|está|estão|estava|estavam".split("|"),
    cues: [
      cue("number", "quantos|quantas|quanto|quanta|que percentagem|que porcentagem"),
      cue("time", "quando|em que ano|que ano|qual ano|em que século|que data"),
      cue("person", "quem|de quem|a quem"),
      cue("place", "onde|aonde|de onde|que país|qual país|que cidade|qual cidade"),
      cue("name", "qual|quais"),
    ],
    numerals: "dois duas três quatro cinco seis sete oito nove dez cem cento".split(" "),
    abbreviations: "sr sra dr dra prof etc pág nº av art ex".split(" "),
  },
  {
    code: "it",
    name: "Italian",
    script: "latin",
    snowball: "it",
    stopWords: sw.ita,
    fillers: "che|cosa|quale|quali|nome|chiama|tipo".split("|"),
    cues: [
      cue("number", "quanti|quante|quanto|quanta|quale percentuale"),
      cue("time", "quando|in che anno|in quale anno|che anno|quale secolo|che data"),
      cue("person", "chi|di chi|a chi"),
      cue("place", "dove|da dove|quale paese|in quale paese|quale città|in quale città"),
      cue("name", "quale|quali"),
    ],
    numerals: "due tre quattro cinque sei sette otto nove dieci cento".split(" "),
    abbreviations: "sig sig.ra dott prof ing avv ecc pag art es".split(" "),
  },
  {
    code: "cs",
    name: "Czech",
    script: "latin",
    snowball: "cs",
    stopWords: sw.ces,
    fillers: "co|jaký|jaká|jaké|jakým|který|která|které|jméno|název|typ|druh".split("|"),
    cues: [
      cue("number", "kolik|kolikrát|jaký podíl|kolika"),
      cue("time", "kdy|ve kterém roce|v jakém roce|kterého roku|ve kterém století"),
      cue("person", "kdo|koho|komu|kým|čí"),
      cue("place", "kde|kam|odkud|ve které zemi|ve kterém městě|v jaké zemi"),
      cue("name", "který|která|které|kterou|kterého|kterém|jaký|jaká|jaké"),
    ],
    numerals: "dva dvě tři čtyři pět šest sedm osm devět deset sto".split(" "),
    abbreviations: "např tzv atd mj tj resp ing mudr doc prof str č tis mil mld".split(" "),
  },
  {
    code: "id",
    name: "Indonesian",
    script: "latin",
    snowball: "id",
    stopWords: sw.ind,
    fillers: "apa|apakah|mana|yang|nama|disebut|jenis".split("|"),
    cues: [
      cue("number", "berapa|berapa banyak|berapa persen|berapa lama"),
      cue("time", "kapan|tahun berapa|pada tahun berapa|abad ke berapa|tanggal berapa|bilamana"),
      cue("person", "siapa|siapakah"),
      cue("place", "di mana|dimana|ke mana|kemana|dari mana|negara mana|kota mana"),
      cue("name", "manakah|yang mana"),
    ],
    numerals: "dua tiga empat lima enam tujuh delapan sembilan sepuluh seratus ratus".split(" "),
    abbreviations: "dr prof ir drs hj no jl dll dsb tsb yth".split(" "),
  },
];

const TABLE: ReadonlyMap<string, LanguageEntry> = new Map(ENTRIES.map((e) => [e.code, e]));

/** The codes of every language with an entry, English first. */
export const LANGUAGES: readonly string[] = ENTRIES.map((e) => e.code);

/** A language's entry; unknown codes get English's rules of folding and a Latin script fallback. */
export function language(code: string): LanguageEntry | undefined {
  return TABLE.get(code);
}
