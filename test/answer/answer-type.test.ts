/** The answer-type cue in English: what a question asks for, and whether a sentence holds it. */
import { describe, expect, it } from "vitest";
import { answerType, holdsAnswerType } from "../../src/answer/answer-type.ts";
import { readQuestion } from "../../src/answer/question.ts";
import type { AnswerType } from "../../src/answer/answer-type.ts";

/** The question read once, as the answerer reads it (question.ts), then checked as before. */
const holds = (type: AnswerType, sentence: string, question: string, title = "", lang = "en") =>
  holdsAnswerType(type, sentence, readQuestion(question, lang), title);

describe("answer types in English", () => {
  it("reads the kind of thing asked from which/what heads and quantities", () => {
    expect(answerType("Which senator called the bill the worst?")).toBe("person");
    expect(answerType("Which company makes Minecraft?")).toBe("name");
    expect(answerType("Which country ranked first?")).toBe("name");
    expect(answerType("What year did it open?")).toBe("time");
    expect(answerType("What is the breakup fee if Yahoo takes a better offer?")).toBe("number");
    expect(answerType("How old is Hori Parata?")).toBe("number");
    expect(answerType("Why did the US rank so low?")).toBe("other");
  });

  it("counts only a thing the question does not already hold, and not who reported it", () => {
    const q = "Who was at the meeting?";
    expect(holds("person", "Viktor Babaryko sat at the table.", q)).toBe(true);
    expect(holds("person", "Pavel Latushko wrote that the meeting went well.", q)).toBe(false);
    expect(holds("person", "Neil Osborne said the meeting had been rushed.", q)).toBe(false);
    expect(
      holds("person", "As Opposition Leader Bill Shorten said in a letter.", "Who is the Opposition Leader?"),
    ).toBe(true);
    expect(holds("number", "It was built in 1991.", "What happened in 1991?")).toBe(false);
    expect(holds("time", "It opened in March 1991.", "When did it open?")).toBe(true);
  });

  it("takes an organisation for a 'who', but not a place or a date", () => {
    const q = "Who published the report on poverty?";
    expect(holds("person", "The report came from the Stanford Poverty Center.", q)).toBe(true);
    expect(holds("person", "The report came out in North Carolina.", q)).toBe(false);
    expect(holds("person", "The report came out on Monday March.", q)).toBe(false);
  });

  it("takes a sum of money for what something cost, and a span for how long", () => {
    const spend = "How much does Con Edison spend on replacing gas lines?";
    expect(holds("number", "It has replaced nearly 1,600 miles of gas lines.", spend)).toBe(false);
    expect(holds("number", "It spends $1.2 billion a year on gas lines.", spend)).toBe(true);
    expect(holds("number", "The work costs 300 million euros.", "How much does the work cost?")).toBe(true);
    // Every currency ICU names, and crowns.
    expect(
      holds("number", "The ferry is for sale at 2.4 million crowns.", "How much will it be sold for?"),
    ).toBe(true);
    expect(holds("number", "The ticket costs 40 zlotys.", "How much does the ticket cost?")).toBe(true);
    // An ISO code beside the figure, and a scale written on it.
    const paid = "How much did the company pay for the site?";
    expect(holds("number", "It paid USD 5 million for the site.", paid)).toBe(true);
    expect(holds("number", "It paid 5 million EUR for it.", paid)).toBe(true);
    expect(holds("number", "Sky paid £30m a year.", paid)).toBe(true);
    expect(holds("number", "It paid for all 3 sites with 40 workers.", paid)).toBe(false);
    // Without a word of money, "how much" asks any quantity.
    expect(holds("number", "Output rose by 12 percent.", "How much did output rise?")).toBe(true);
    const rescue = "How long did the rescue take?";
    expect(holds("number", "Rescuers saved 300 whales.", rescue)).toBe(false);
    expect(holds("number", "The rescue took three days.", rescue)).toBe(true);
    expect(holds("number", "It ran for 40 miles.", "How long is the trail?")).toBe(true);
  });

  it("counts for how many: a number in a unit of measure or money is no count", () => {
    const riders = "How many people ride the subway every day?";
    expect(holds("number", "Con Edison maintains 90,000 miles of cable.", riders)).toBe(false);
    expect(holds("number", "Fillets were priced at $16.99 a pound.", riders)).toBe(false);
    expect(holds("number", "It weighs 5 million kilograms.", riders)).toBe(false);
    expect(holds("number", "About 5.6 million people ride it each day.", riders)).toBe(true);
    // A share counts what is asked, with a sign or in words; so does a bare number.
    expect(holds("number", "Some 38 per cent of residents left.", "How many residents left?")).toBe(true);
    expect(
      holds("number", "About 26.7% of Victorians are Catholic.", "How many Victorians are Catholic?"),
    ).toBe(true);
    expect(holds("number", "Rescuers saved 300 in the first week.", "How many whales were saved?")).toBe(
      true,
    );
    // A question that counts a unit takes it.
    expect(holds("number", "It has 90,000 miles of cable.", "How many miles of cable are there?")).toBe(true);
  });

  it("takes for a university, a hospital or a theatre only a name of that kind", () => {
    const where = "Eloise Parry was taken to Royal Shrewsbury hospital on 12 April.";
    expect(holds("name", where, "Which hospital was Eloise taken to?")).toBe(true);
    expect(holds("name", where, "What university was Eloise Parry studying at?")).toBe(false);
    expect(holds("name", "The award went to the University of Northumbria.", "What university won it?")).toBe(
      true,
    );
    const fires = "Fires in Manhattan forced the evacuation of several theaters.";
    expect(holds("name", fires, "Which theaters were evacuated?")).toBe(false);
    // A name "at" or "from" that carries no other kind will do: many are known without it.
    expect(holds("name", "He studied law at Harvard.", "Which university did he attend?")).toBe(true);
    expect(holds("name", "She was taken from Royal Shrewsbury hospital.", "What university was it?")).toBe(
      false,
    );
    const centre = "He sat at Hihiaua Cultural Centre in Whangārei.";
    expect(holds("name", centre, "Which university did he leave?")).toBe(false);
    // A company's or a river's name need not say what it is.
    expect(holds("name", "The game is made by Mojang in Stockholm.", "Which company makes it?")).toBe(true);
  });

  it('does not take "one" standing for a noun for a quantity', () => {
    const q = "How big is Yahoo's tax bill expected to be?";
    expect(holds("number", "It may have a tax bill, possibly a substantial one.", q)).toBe(false);
    expect(holds("number", "It is the only one left.", q)).toBe(false);
    expect(holds("number", "The bill is one billion dollars.", q)).toBe(true);
    expect(holds("number", "Only one of them came.", "How many came?")).toBe(true);
    expect(holds("number", "Police said that one person died.", "How many people died?")).toBe(true);
    expect(holds("number", "A blast which killed one soldier.", "How many soldiers died?")).toBe(true);
  });

  it("does not take a year after a preposition for a quantity", () => {
    const q = "What is the catch limit?";
    expect(holds("number", "The commission has set limits since 1924.", q)).toBe(false);
    expect(holds("number", "The commission set limits in March 1924.", q)).toBe(false);
    expect(holds("number", "The limit is 1924 tonnes.", q)).toBe(true);
    expect(holds("number", "The limit is 29.4 million pounds.", q)).toBe(true);
  });
});

describe("issue 22: sums asked without 'how much', and names with capitals inside", () => {
  it("reads 'What does X cost?' as a sum of money", () => {
    expect(answerType("What does Dolby Atmos for headphones cost on the Xbox?")).toBe("number");
    const q = "What does Dolby Atmos cost?";
    expect(holds("number", "Dolby Atmos costs $15 on the Xbox.", q)).toBe(true);
    expect(holds("number", "Dolby Atmos works on 12 speakers.", q)).toBe(false);
  });

  it("finds a person whose name has a capital inside", () => {
    const q = "Who filed the suit?";
    expect(holds("person", "The suit was filed by Patrick McHugh last year.", q)).toBe(true);
    expect(holds("person", "The suit was filed last year.", q)).toBe(false);
  });

  it("reads 'how heavy' as asking for a weight", () => {
    expect(holds("number", "The One X weighs 8.4 pounds.", "How heavy is the One X?")).toBe(true);
    expect(holds("number", "The PS4 Pro launched at $400.", "How much does the PS4 Pro weigh?")).toBe(false);
  });
});

describe("issue 22: a day of a month is no quantity; 'how much money' asks for a sum", () => {
  it("does not count the day of a date as an answer to 'how many'", () => {
    const q = "How many levels does the game have?";
    expect(holds("number", "The game will launch on December 15 for iPhone.", q)).toBe(false);
    expect(holds("number", "The game has 24 levels, out on 15 December.", q)).toBe(true);
  });

  it("wants a sum for 'how much money'", () => {
    const q = "How much money is the White House putting into its plan?";
    expect(holds("number", "Here are the threats in the 2015 White House report.", q)).toBe(false);
    expect(holds("number", "The plan puts $1.2 billion into research.", q)).toBe(true);
  });
});

describe("issue 22: who reports a sentence, and the question's own words, inflected", () => {
  it("does not take the question's own name again in another form", () => {
    const q = "Which House Republican introduced the bill?";
    expect(holds("person", "House Republicans introduced legislation this month.", q)).toBe(false);
    expect(holds("person", "Congressman Kevin Brady introduced legislation this month.", q)).toBe(true);
  });

  it("counts a name after 'said' as who reported it, unless it is described in the question's words", () => {
    const q = "Who did Netanyahu beat in the election?";
    const reported =
      "“Netanyahu broke a lot of crockery,” said Martin Indyk, executive vice president of the Brookings Institution.";
    expect(holds("person", reported, q)).toBe(false);
    expect(holds("person", "Netanyahu beat Isaac Herzog by six seats.", q)).toBe(true);
    const head = "Who's the head of the Infectious Diseases Society of America?";
    const says =
      "“It resonates because it's scary,” says Stephen Calderwood, MD, president of the Infectious Diseases Society of America.";
    expect(holds("person", says, head)).toBe(true);
  });

  it('reads "who\'s suing" as asking who does it, so that a company can be the answer', () => {
    const sentence = "ZeniMax Media filed the lawsuit against Oculus in May.";
    expect(holds("person", sentence, "Who's suing Oculus?")).toBe(true);
    expect(holds("person", sentence, "Who's the lawyer for Oculus?")).toBe(false);
  });
});

describe("issue 22: a rate is a share", () => {
  it("wants a share or a number per something for a rate", () => {
    const q = "What's the US poverty rate according to the report?";
    expect(holds("number", "The report assessed poverty levels among 10 wealthy countries.", q)).toBe(false);
    expect(holds("number", "The US poverty rate stood at 18 percent.", q)).toBe(true);
    expect(holds("number", "About 15.1% of Americans live in poverty.", q)).toBe(true);
    expect(
      holds("number", "The birth rate fell to 1.6 children per woman.", "What was the birth rate?"),
    ).toBe(true);
  });
});

describe("issue 22: who did it, with any verb; how small, how short", () => {
  it("takes an organisation for 'who' and any verb of a deed, irregular ones too", () => {
    const sentence =
      "The study by Stanford University's Center on Poverty and Inequality ranked 10 countries.";
    expect(holds("person", sentence, "Who put out the inequality report?")).toBe(true);
    expect(holds("person", sentence, "Who is the author of the inequality report?")).toBe(false);
  });

  it("reads 'how small', 'how short', 'how cheap' as asking for a quantity", () => {
    expect(answerType("How small does the attack data get once it's compressed?")).toBe("number");
    expect(answerType("How short is the new route?")).toBe("number");
    expect(answerType("How cheap are the tickets?")).toBe("number");
  });
});

describe("issue 22: a decade is a time", () => {
  it("takes 'the 80s' and 'the late '90s' for a when-question, not someone's age", () => {
    const q = "When did the big change happen?";
    expect(holds("time", "Everything changed in the 80s, when the mills closed.", q)).toBe(true);
    expect(holds("time", "It began in the late ’90s.", q)).toBe(true);
    expect(holds("time", "He is in his 80s and still fishing.", q)).toBe(false);
  });
});
