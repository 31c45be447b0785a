/**
 * Small talk: a greeting ("Привет!", "hola", "你好"), a question about the bot itself ("what
 * can you do?", "что ты умеешь?", "wer bist du?") or thanks ("спасибо", "merci"), which no
 * article answers. A message is small talk when it is made only of such phrases (and a few
 * words of address: "bot", "everyone"), so "hi, who was at the meeting?" stays a question.
 * Phrases that could as well be a follow-up about an article ("how does it work?", "what is
 * this?") are left out. The phrases are data, one table per language the bot speaks: a new
 * language or phrase is a line here, not a new test in code. English words used everywhere
 * ("hi", "hello", "ok") are in English's table only.
 */

export type SmallTalkKind = "greeting" | "capability" | "thanks";

export interface SmallTalk {
  kind: SmallTalkKind;
  /** The languages the phrases belong to, most specific first (English ones are everyone's). */
  locales: string[];
}

interface Phrases {
  greetings: string[];
  /** Questions about the bot: what it can do, who it is, how it works. */
  capabilities: string[];
  thanks: string[];
  /** Words that may stand around them without making the message a question. */
  fillers: string[];
}

/** Written as people type them; normalize() is applied to these as to the messages. */
// prettier-ignore
const PHRASES: Record<string, Phrases> = {
  en: {
    greetings: [
      "hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "good morning", "good afternoon",
      "good evening", "good day", "what's up", "whats up", "sup", "how are you", "how are you doing",
      "how's it going", "hows it going", "nice to meet you",
    ],
    capabilities: [
      "what can you do", "what do you do", "what can you", "who are you", "what are you",
      "how do you work", "how do i use you", "how do i use this",
      "what are you for", "what can i ask", "what can i ask you", "what can you help with",
      "what can you help me with", "tell me about yourself", "introduce yourself", "help", "help me",
      "what are your capabilities", "what is this bot",
    ],
    thanks: ["thanks", "thank you", "thx", "ty", "thanks a lot", "thank you very much", "many thanks", "much appreciated"],
    fillers: [
      "bot", "footnote", "there", "friend", "everyone", "all", "guys", "folks", "please", "and", "so",
      "ok", "okay", "then", "again", "you", "oh", "um",
    ],
  },
  ru: {
    greetings: [
      "привет", "приветик", "здравствуй", "здравствуйте", "здрасте", "добрый день", "доброе утро",
      "добрый вечер", "приветствую", "хай", "салют", "здорово", "как дела", "как ты", "как поживаешь",
      "ку",
    ],
    capabilities: [
      "что ты умеешь", "что вы умеете", "что умеешь", "что ты можешь", "что вы можете", "кто ты", "кто вы",
      "кто ты такой", "что ты такое", "как тобой пользоваться", "как ты работаешь",
      "чем ты можешь помочь", "чем можешь помочь", "расскажи о себе", "что ты делаешь", "для чего ты",
      "зачем ты нужен", "помощь", "помоги",
    ],
    thanks: ["спасибо", "спасибо большое", "большое спасибо", "благодарю", "спс", "пасиб"],
    fillers: [
      "бот", "ботик", "друг", "всем", "все", "ну", "а", "и", "пожалуйста", "ребята", "так", "вообще",
    ],
  },
  uk: {
    greetings: [
      "привіт", "вітаю", "добрий день", "доброго ранку", "добрий ранок", "добрий вечір", "здрастуйте",
      "як справи", "як ти", "хай",
    ],
    capabilities: [
      "що ти вмієш", "що ви вмієте", "що вмієш", "що ти можеш", "що ви можете", "хто ти", "хто ви",
      "як ти працюєш", "як тобою користуватися", "розкажи про себе",
      "чим ти можеш допомогти", "що ти робиш", "допомога", "допоможи",
    ],
    thanks: ["дякую", "дуже дякую", "щиро дякую", "дяки", "спасибі"],
    fillers: [
      "бот", "друже", "всім", "усім", "а", "і", "й", "будь ласка", "ну",
    ],
  },
  de: {
    greetings: [
      "hallo", "moin", "moin moin", "servus", "guten tag", "guten morgen", "guten abend", "grüß gott",
      "grüß dich", "grüezi", "na", "wie geht's", "wie gehts", "wie geht es dir", "tag",
    ],
    capabilities: [
      "was kannst du", "was kannst du so", "was können sie", "wer bist du", "wer sind sie", "was bist du",
      "wie funktionierst du", "was machst du", "wobei kannst du helfen",
      "wie benutze ich dich", "erzähl mal von dir", "hilfe",
    ],
    thanks: ["danke", "danke schön", "dankeschön", "danke sehr", "vielen dank", "besten dank"],
    fillers: [
      "bot", "zusammen", "alle", "leute", "bitte", "und", "denn", "so", "eigentlich", "mal",
    ],
  },
  es: {
    greetings: [
      "hola", "buenas", "buenos días", "buenos dias", "buenas tardes", "buenas noches", "qué tal",
      "que tal", "cómo estás", "como estas", "saludos", "qué onda", "que onda",
    ],
    capabilities: [
      "qué puedes hacer", "que puedes hacer", "qué sabes hacer", "que sabes hacer", "quién eres",
      "quien eres", "qué eres", "que eres", "cómo funcionas", "como funcionas", 
      "para qué sirves", "para que sirves", "qué haces", "que haces", "ayuda",
    ],
    thanks: ["gracias", "muchas gracias", "mil gracias"],
    fillers: [
      "bot", "amigo", "a todos", "todos", "por favor", "y", "pues", "entonces",
    ],
  },
  fr: {
    greetings: [
      "bonjour", "salut", "bonsoir", "coucou", "ça va", "ca va", "comment ça va", "comment ca va",
      "comment vas-tu", "comment allez-vous", "bonne journée",
    ],
    capabilities: [
      "que peux-tu faire", "que sais-tu faire", "qu'est-ce que tu sais faire",
      "qu'est-ce que tu peux faire", "qu'est-ce que tu fais", "tu sers à quoi", "à quoi tu sers",
      "a quoi tu sers", "à quoi sers-tu", "qui es-tu", "t'es qui", "qu'es-tu", "comment tu marches",
      "que fais-tu", "tu fais quoi", "aide",
    ],
    thanks: ["merci", "merci beaucoup", "merci bien", "mille mercis"],
    fillers: [
      "bot", "tout le monde", "à tous", "a tous", "s'il te plaît", "s'il vous plaît", "stp", "et", "alors",
      "donc",
    ],
  },
  pt: {
    greetings: [
      "olá", "ola", "oi", "bom dia", "boa tarde", "boa noite", "e aí", "e ai", "tudo bem", "tudo bom",
      "como vai", "como vai você", "saudações",
    ],
    capabilities: [
      "o que você faz", "o que voce faz", "o que você pode fazer", "o que voce pode fazer",
      "o que você sabe fazer", "o que voce sabe fazer", "o que sabes fazer", "o que podes fazer",
      "quem é você", "quem e voce", "quem és tu", "como você funciona", "como voce funciona",
      "para que você serve", "pra que você serve", "pra que serve", "ajuda",
    ],
    thanks: ["obrigado", "obrigada", "muito obrigado", "muito obrigada", "valeu"],
    fillers: [
      "bot", "pessoal", "todos", "por favor", "e", "então", "entao",
    ],
  },
  it: {
    greetings: [
      "ciao", "salve", "buongiorno", "buonasera", "buon pomeriggio", "ehi", "come va", "come stai",
    ],
    capabilities: [
      "cosa sai fare", "che cosa sai fare", "cosa puoi fare", "che sai fare", "che puoi fare", "chi sei",
      "cosa sei", "come funzioni", "a cosa servi", "cosa fai", "che fai", "aiuto",
    ],
    thanks: ["grazie", "grazie mille", "molte grazie"],
    fillers: [
      "bot", "a tutti", "tutti", "per favore", "e", "allora", "quindi",
    ],
  },
  tr: {
    greetings: [
      "merhaba", "merhabalar", "selam", "selamlar", "günaydın", "iyi günler", "iyi akşamlar", "nasılsın",
      "naber", "selamün aleyküm", "selamun aleykum",
    ],
    capabilities: [
      "neler yapabilirsin", "ne yapabilirsin", "ne yaparsın", "sen kimsin", "kimsin", "nasıl çalışıyorsun",
      "ne işe yararsın", "sen nesin", "bana nasıl yardımcı olabilirsin", "yardım",
    ],
    thanks: ["teşekkürler", "teşekkür ederim", "çok teşekkürler", "sağ ol", "sağol", "eyvallah"],
    fillers: [
      "bot", "arkadaşlar", "herkese", "lütfen", "ve", "peki",
    ],
  },
  ar: {
    greetings: [
      "مرحبا", "مرحبًا", "أهلا", "أهلاً", "اهلا", "أهلا وسهلا", "السلام عليكم", "سلام", "صباح الخير",
      "مساء الخير", "كيف حالك", "هلا",
    ],
    capabilities: [
      "ماذا تستطيع أن تفعل", "ماذا يمكنك أن تفعل", "ماذا تفعل", "من أنت", "ما الذي يمكنك فعله", "كيف تعمل",
      "ما عملك", "ما وظيفتك", "بماذا يمكنك مساعدتي", "ماذا تقدر تسوي", "مساعدة",
    ],
    thanks: ["شكرا", "شكراً", "شكرا جزيلا", "مشكور"],
    fillers: [
      "بوت", "يا", "الجميع", "من فضلك", "و",
    ],
  },
  fa: {
    greetings: [
      "سلام", "درود", "وقت بخیر", "روز بخیر", "صبح بخیر", "عصر بخیر", "شب بخیر", "خوبی", "چطوری",
      "حالت چطوره", "سلام علیکم",
    ],
    capabilities: [
      "چه کاری می‌توانی بکنی", "چه کار می‌توانی بکنی", "چه کاری از دستت برمی‌آید", "چه کارهایی بلدی",
      "چی بلدی", "چیکار میتونی بکنی", "تو کی هستی", "کی هستی", "چه کار می‌کنی", "چطور کار می‌کنی",
      "چه کمکی می‌توانی بکنی", "کمک",
    ],
    thanks: ["مرسی", "ممنون", "ممنونم", "سپاس", "خیلی ممنون", "متشکرم"],
    fillers: [
      "ربات", "بات", "دوست", "همه", "لطفا", "لطفاً", "و",
    ],
  },
  hi: {
    greetings: [
      "नमस्ते", "नमस्कार", "हैलो", "हेलो", "हाय", "प्रणाम", "राम राम", "सुप्रभात", "शुभ संध्या", "कैसे हो",
      "आप कैसे हैं", "क्या हाल है",
    ],
    capabilities: [
      "तुम क्या कर सकते हो", "आप क्या कर सकते हैं", "तुम कौन हो", "आप कौन हैं", "तुम क्या करते हो",
      "आप क्या करते हैं", "तुम कैसे काम करते हो", "मदद",
    ],
    thanks: ["धन्यवाद", "शुक्रिया", "बहुत धन्यवाद", "बहुत शुक्रिया"],
    fillers: [
      "बॉट", "भाई", "दोस्त", "सभी", "सबको", "कृपया", "और", "जी",
    ],
  },
  id: {
    greetings: [
      "halo", "hai", "hallo", "selamat pagi", "selamat siang", "selamat sore", "selamat malam",
      "apa kabar", "assalamualaikum",
    ],
    capabilities: [
      "apa yang bisa kamu lakukan", "apa yang bisa anda lakukan", "kamu bisa apa", "bisa apa saja",
      "kamu siapa", "siapa kamu", "anda siapa", "apa yang kamu lakukan", "bagaimana cara kerjamu",
      "cara pakainya gimana", "bantuan",
    ],
    thanks: ["terima kasih", "terima kasih banyak", "makasih", "trims"],
    fillers: [
      "bot", "semua", "semuanya", "kak", "min", "tolong", "dan", "sih",
    ],
  },
  zh: {
    greetings: [
      "你好", "您好", "嗨", "哈喽", "哈囉", "早上好", "下午好", "晚上好", "早安", "晚安", "大家好", "你好吗", "在吗",
    ],
    capabilities: [
      "你能做什么", "你会做什么", "你可以做什么", "你会什么", "你是谁", "你能干什么", "你能帮我做什么", "怎么用", "你是做什么的", "你有什么功能", "介绍一下你自己",
      "介绍一下自己", "帮助",
    ],
    thanks: ["谢谢", "谢谢你", "多谢", "非常感谢", "感谢"],
    fillers: [
      "机器人", "请问", "呀", "啊", "呢", "吧", "嘛", "一下",
    ],
  },
};

/**
 * One form for messages and phrases alike: compatibility forms folded, lower case (a Turkish
 * dotted İ loses its dot), Arabic letter variants as Persian writes them, and punctuation,
 * symbols, emoji and joiners as single spaces. Letters, marks (Devanagari vowel signs) and
 * digits stay.
 */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\u0307/g, "")
    .replace(/[\u064B-\u0652\u0670\u0640]/g, "") // Arabic vowel marks and tatweel
    .replace(/[\u0622\u0623\u0625]/g, "\u0627") // alef with hamza or madda
    .replace(/ي/g, "ی")
    .replace(/ى/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/(?:[\p{P}\p{S}\p{Z}\s\u200B\u200C\u2060]|\u200D|\uFE0F)+/gu, " ")
    .trim();
}

interface Phrase {
  text: string;
  locale: string;
  kind: SmallTalkKind | "filler";
}

/** Longest first, so "good morning" is taken before "good" could be, and "что ты умеешь" before "что". */
const TABLE: Phrase[] = Object.entries(PHRASES)
  .flatMap(([locale, p]) => [
    ...p.greetings.map((text) => ({ text: normalize(text), locale, kind: "greeting" as const })),
    ...p.capabilities.map((text) => ({ text: normalize(text), locale, kind: "capability" as const })),
    ...p.thanks.map((text) => ({ text: normalize(text), locale, kind: "thanks" as const })),
    ...p.fillers.map((text) => ({ text: normalize(text), locale, kind: "filler" as const })),
  ])
  .filter((p) => p.text !== "")
  .sort((a, b) => b.text.length - a.text.length);

/** Scripts written without spaces between words: a phrase there needs no space after it. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Messages longer than this are never small talk (and are not worth scanning). */
const MAX_CHARS = 120;

/** The greeting or question about the bot that `text` is, or undefined when it is anything else. */
export function smallTalk(text: string): SmallTalk | undefined {
  if (text.length > MAX_CHARS) return undefined;
  let rest = normalize(text);
  if (rest === "") return undefined;
  const matched: Phrase[] = [];
  while (rest !== "") {
    const phrase = TABLE.find((p) => {
      if (!rest.startsWith(p.text)) return false;
      const next = rest.charAt(p.text.length);
      return next === "" || next === " " || UNSPACED.test(next) || UNSPACED.test(p.text.slice(-1));
    });
    if (!phrase) return undefined;
    matched.push(phrase);
    rest = rest.slice(phrase.text.length).trimStart();
  }
  const said = matched.filter((p) => p.kind !== "filler");
  if (said.length === 0) return undefined;
  // What calls for the most: "hi, what can you do?" is a question about the bot; "hi, thanks" a greeting.
  const kind = (["capability", "greeting", "thanks"] as const).find((k) => said.some((p) => p.kind === k))!;
  // A phrase may be in several languages ("سلام": Arabic and Persian; "hallo": German and
  // Indonesian): the language with the most of what was said wins. English phrases ("hi",
  // "hello", "help") are used in every language, so English comes last.
  const score = new Map<string, number>();
  for (const p of said)
    for (const q of TABLE)
      if (q.text === p.text && q.kind !== "filler") score.set(q.locale, (score.get(q.locale) ?? 0) + 1);
  const locales = [...score.keys()].sort(
    (a, b) => Number(a === "en") - Number(b === "en") || score.get(b)! - score.get(a)!,
  );
  return { kind, locales };
}

/** The language to answer small talk in: the user's, when what they said is in it; else what they said. */
export function smallTalkLocale(talk: SmallTalk, userLocale: string): string {
  if (talk.locales.includes(userLocale)) return userLocale;
  const own = talk.locales.filter((l) => l !== "en");
  return own[0] ?? userLocale;
}
