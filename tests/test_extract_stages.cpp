// The extractor's relation stages one at a time, on real news sentences run
// through the annotating stages (segment, mentions, parse, references): the
// sentence view, the rule matcher, the argument resolver, the attribute
// finder and the fact assembler. test_extract checks the whole pipeline.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "argument_resolver.h"
#include "attributes.h"
#include "document_annotator.h"
#include "explanation_log.h"
#include "fact_assembler.h"
#include "relation_candidate.h"
#include "rule_matcher.h"
#include "sentence_view.h"
#include "test_documents.h"

using namespace kgraph;
using kgraph::test::Doc;
using namespace kgraph::extract;

namespace {

// The rules, the parser and the annotating stages, loaded once.
struct Stages {
    std::unique_ptr<RuleSet> rules;
    std::unique_ptr<const nlp::Parser> parser;
    std::unique_ptr<DocumentAnnotator> annotator;
    std::unique_ptr<RuleMatcher> matcher;
};

const Stages& TheStages() {
    static const Stages stages = [] {
        Stages s;
        Result<std::unique_ptr<RuleSet>> rules =
            RuleSet::Load(KGRAPH_RULES_DIR "/rules.json", KGRAPH_RULES_DIR "/schema.json");
        REQUIRE(rules.ok());
        Result<std::unique_ptr<const nlp::Parser>> parser = nlp::Parser::Load(nlp::DefaultModelPath());
        REQUIRE(parser.ok());
        Result<TextSegmenter> segmenter = TextSegmenter::Create();
        REQUIRE(segmenter.ok());
        s.rules = std::move(*rules);
        s.parser = std::move(*parser);
        std::ifstream words("/usr/share/dict/words");
        s.annotator = std::make_unique<DocumentAnnotator>(
            *s.rules, *s.parser, std::move(*segmenter),
            EnglishWords(std::string(std::istreambuf_iterator<char>(words), std::istreambuf_iterator<char>())));
        s.matcher = std::make_unique<RuleMatcher>(*s.rules);
        return s;
    }();
    return stages;
}

// A document through the annotating stages, with what the relation stages
// of one sentence need.
struct Annotated {
    explicit Annotated(const std::string& text)
        : document(Doc(text)), annotated(document, *TheStages().annotator),
          views(*TheStages().rules, TheStages().annotator->quantities(), annotated) {
        for (const DocumentEntity& e : annotated.resolved.entities) types.push_back(e.type);
    }

    SentenceView View(std::size_t sentence) const { return views.Build(sentence, types); }
    std::vector<RuleMatch> Matches(const SentenceView& view) const {
        return TheStages().matcher->Match(view, annotated.parses[view.sentence]);
    }
    // The first match of the rule named `rule`; fails the test when none.
    RuleMatch MatchOf(const SentenceView& view, const std::string& rule) const {
        for (const RuleMatch& m : Matches(view)) {
            if (m.rule->name == rule) return m;
        }
        FAIL("rule " << rule << " does not match");
        return {};
    }
    int Entity(const std::string& name) const {
        const std::vector<DocumentEntity>& entities = annotated.resolved.entities;
        for (std::size_t e = 0; e < entities.size(); ++e) {
            if (entities[e].name == name) return static_cast<int>(e);
        }
        FAIL("no entity " << name);
        return kUnresolved;
    }
    std::string Name(int entity) const { return EntityLabel(annotated.resolved, entity); }
    std::string Text(const SentenceItem& item) const { return document.text.substr(item.begin, item.end - item.begin); }

    const Document document;
    const AnnotatedDocument annotated;
    const SentenceViewBuilder views;
    std::vector<MentionType> types;
};

// "[name] word <quantity>" for the items of a view.
std::string Describe(const Annotated& doc, const SentenceView& view) {
    std::string out;
    for (const SentenceItem& item : view.items) {
        const std::string text = doc.Text(item);
        if (!out.empty()) out += " ";
        if (item.IsMention()) {
            out += "[" + text + "]";
        } else if (item.kind == SentenceItem::Kind::kQuantity) {
            out += "<" + text + ">";
        } else {
            out += text;
        }
    }
    return out;
}

const Emission& EmissionOf(const RuleMatch& match, const std::string& type) {
    for (const Emission& e : match.rule->emissions) {
        if (e.type->name == type) return e;
    }
    FAIL("rule " << match.rule->name << " states no " << type);
    return match.rule->emissions.front();
}

const int kSubj = 0;  // the rules file's first role, see RoleTable

std::vector<std::string> Names(const Annotated& doc, const std::vector<int>& entities) {
    std::vector<std::string> out;
    for (const int e : entities) out.push_back(doc.Name(e));
    return out;
}

}  // namespace

// --- Tags and parse ---

// The words of sentence 0 with their relation and head, "deprel(head, word)".
std::vector<std::string> Dependencies(const Annotated& doc) {
    const SentenceParse& parse = doc.annotated.parses[0];
    std::vector<std::string> out;
    for (const ParsedWord& word : parse.words) {
        const std::string head = word.head < 0 ? "ROOT" : std::string(parse.words[static_cast<std::size_t>(word.head)].form);
        out.push_back(word.deprel + "(" + head + ", " + std::string(word.form) + ")");
    }
    return out;
}

// The surface of every mention found, in text order.
std::vector<std::string> Surfaces(const Annotated& doc) {
    std::vector<std::string> surfaces;
    for (const Mention& m : doc.annotated.found.mentions) surfaces.push_back(m.surface);
    return surfaces;
}

bool Has(const std::vector<std::string>& dependencies, const std::string& dependency) {
    return std::find(dependencies.begin(), dependencies.end(), dependency) != dependencies.end();
}

TEST_CASE("Parse: a name of several words is one proper noun, its other words flat on its last") {
    // Word by word, the parser read "Royal London" as a subject of its own
    // and "Royal London, the UK's largest ... company" as a compound.
    const Annotated doc("Royal London Asset Management (RLAM) is a wholly-owned subsidiary of Royal London, "
                        "the UK's largest mutual life and pensions company.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    for (const char* flat : {"flat(Management, Royal)", "flat(Management, London)", "flat(Management, Asset)"}) {
        CHECK(Has(dependencies, flat));
    }
    CHECK(Has(dependencies, "nsubj(subsidiary, Management)"));
    CHECK(Has(dependencies, "flat(London, Royal)"));
    CHECK(Has(dependencies, "nmod(subsidiary, London)"));
}

TEST_CASE("Parse: a title-case word outside a name is read as the common word it is") {
    const Annotated doc("Gerry Cardinale, Founder and Managing Partner of RedBird, said the deal was done.");
    const SentenceParse& parse = doc.annotated.parses[0];
    INFO(FormatParse(parse));
    for (const ParsedWord& word : parse.words) {
        if (word.form == "Founder" || word.form == "Partner") CHECK(word.upos == nlp::Upos::kNoun);
    }
}

TEST_CASE("Parse: a parenthetical is parsed on its own and hangs on the word before it") {
    // Parsed with the sentence, "(born October 31, 1975 Maldives)" made
    // Maldives the subject of "is a Maldivian economist".
    const Annotated doc("Ahmed Naseer (born October 31, 1975 Maldives) is a Maldivian economist and the CEO of the "
                        "Capital Market Development Authority (CMDA).");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nsubj(economist, Naseer)"));
    CHECK(Has(dependencies, "parataxis(Naseer, born)"));
    CHECK(Has(dependencies, "appos(Authority, CMDA)"));
    CHECK(Has(dependencies, "punct(CMDA, ()"));
}

TEST_CASE("Parse: a parenthetical that opens with a function word is headed by its content") {
    const Annotated doc("Susning.nu was a Swedish language wiki, started in October 2001 by Lars Aronsson "
                        "(also the founder of Project Runeberg).");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "appos(Aronsson, founder)"));
    CHECK(Has(dependencies, "advmod(founder, also)"));
}

TEST_CASE("Parse: a common noun right before an organization's name is the name's compound") {
    // The parser left "specialist" the object of "takeover of" and VMware
    // an xcomp of "completed".
    const Annotated doc("Broadcom has finally completed its $61 billion takeover of virtualisation specialist VMware.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nmod(takeover, VMware)"));
    CHECK(Has(dependencies, "compound(VMware, specialist)"));
    CHECK(Has(dependencies, "case(VMware, of)"));
}

TEST_CASE("Parse: an amount written \"$61bn\" reads as the number it is") {
    // As a word it did not know, "61bn" made "its" an xcomp and "takeover" a number.
    const Annotated doc("Broadcom has finally completed its $61bn takeover of virtualisation specialist VMware.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "obj(completed, takeover)"));
    CHECK(Has(dependencies, "nmod:poss(takeover, its)"));
    CHECK(Has(dependencies, "nmod(takeover, VMware)"));
}

TEST_CASE("Parse: an article's noun phrase right after a name and its comma is the name's apposition") {
    // The parser hung "a wholly owned subsidiary" on "owned" as parataxis.
    const Annotated doc("The station is owned by Hearst Television, a wholly owned subsidiary of the Hearst Corporation.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "appos(Television, subsidiary)"));
    CHECK(Has(dependencies, "nmod(subsidiary, Corporation)"));
}

TEST_CASE("Parse: a noun phrase opening the sentence before a comma and its subject renames the subject") {
    // The parser made "subsidiary" the root and the clause its parataxis.
    const Annotated doc("A subsidiary of CABAL Media, AtelierCABAL is an e-commerce based retail platform curating "
                        "an eclectic mix of innovative products.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "root(ROOT, platform)"));
    CHECK(Has(dependencies, "appos(AtelierCABAL, subsidiary)"));
    CHECK(Has(dependencies, "nsubj(platform, AtelierCABAL)"));
}

TEST_CASE("Parse: a title with its own 'of' phrase is coordinated with the title before, not the name between") {
    const Annotated doc("Katharine Weymouth is the former publisher of The Washington Post and chief executive officer "
                        "of Washington Post Media.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "conj(publisher, officer)"));
    CHECK(Has(dependencies, "nmod(officer, Media)"));
}

TEST_CASE("Parse: a title after the 'of' phrase of a title is that title's conjunct") {
    const Annotated doc("Falcon International Bank is headed by Adolfo E. Gutierrez, the Chairman of the Board and Chief "
                        "Executive Officer.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "conj(Chairman, Officer)"));
}

TEST_CASE("Mentions: a middle initial stays in the name in a line dense with capitals") {
    const Annotated doc("Falcon International Bank is headed by Adolfo E. Gutierrez, the Chairman of the Board.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Adolfo E. Gutierrez"));
}

TEST_CASE("Parse: a name that is the subject of its own clause keeps that place") {
    // The parser read "the grocer [that] Kroger has agreed to buy", a
    // sentence without a main verb: the clause is the sentence, Kroger its
    // subject, and the noun before the name describes it.
    const Annotated doc("The American grocer Kroger has agreed to buy its rival Albertsons in a $24.6 billion attempt.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "compound(Albertsons, rival)"));
    CHECK(Has(dependencies, "nsubj(agreed, Kroger)"));
    CHECK(Has(dependencies, "root(ROOT, agreed)"));
    CHECK(Has(dependencies, "compound(Kroger, grocer)"));
}

TEST_CASE("Parse: a hyphenated word is parsed as the treebank writes it, in parts or without its prefix") {
    // Whole, "wholly-owned" was an unknown word; "re-appointed" split made
    // "appointed" a modifier of the name after it.
    const Annotated owned("Brandle Gears will operate as a wholly-owned subsidiary of Pamplona Capital Management LLP.");
    const std::vector<std::string> parts = Dependencies(owned);
    INFO(FormatParse(owned.annotated.parses[0]));
    CHECK(Has(parts, "amod(subsidiary, wholly-owned)"));
    const Annotated prefixed("Disney re-appointed Iger as CEO on Sunday night.");
    const std::vector<std::string> stem = Dependencies(prefixed);
    INFO(FormatParse(prefixed.annotated.parses[0]));
    CHECK(Has(stem, "nsubj(re-appointed, Disney)"));
    CHECK(Has(stem, "obj(re-appointed, Iger)"));
}

TEST_CASE("Parse: coordinated titles before a name describe it, the first of them giving up its place") {
    // The parser hung "co-founder" on "ouster" as an apposition and made the
    // name a second subject beside it.
    const Annotated doc("Following a surprise ouster, OpenAI co-founder and former CEO Sam Altman joined Microsoft.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "compound(Altman, co-founder)"));
    CHECK(Has(dependencies, "conj(co-founder, CEO)"));
    CHECK(Has(dependencies, "nsubj(joined, Altman)"));
}

TEST_CASE("Parse: a title after a name and 'and' is not coordinated with the title before that name") {
    const Annotated doc("The airline was co-founded by Richard Branson, the founder of Virgin Group and former CEO Brett Godfrey.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK_FALSE(Has(dependencies, "compound(Godfrey, founder)"));
}

TEST_CASE("Parse: the preposition of a phrase whose name a title describes is the name's") {
    const Annotated doc("The Progressive Party was a third party in the United States formed in 1912 by former President "
                        "Theodore Roosevelt.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "case(Roosevelt, by)"));
}

TEST_CASE("Parse: a name between commas after 'NOUN of NAME' renames the noun") {
    const Annotated doc("In August 2014, the CEO of WTC, Andrew Messick, announced that the race would change.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "appos(CEO, Messick)"));
    CHECK_FALSE(Has(dependencies, "appos(WTC, Messick)"));
}

TEST_CASE("Parse: a title word before another title word is that title's modifier") {
    const Annotated doc("Olivier Brandicourt (born 13 February 1956 in Casablanca) is a French business executive and "
                        "physician, and the current chief executive officer of Sanofi.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "amod(officer, chief)"));
    CHECK(Has(dependencies, "amod(officer, executive)"));
    CHECK(Has(dependencies, "nmod(officer, Sanofi)"));
    // Title-cased as news writes it before a name.
    const Annotated cased("Since Chief Executive Lisa Su took over AMD in 2014, she has focused on challenging Intel.");
    INFO(FormatParse(cased.annotated.parses[0]));
    CHECK(Has(Dependencies(cased), "nsubj(took, Su)"));
    CHECK(Has(Dependencies(cased), "amod(Executive, Chief)"));
    // A word that says when a title is held, before a plural prefixed title.
    const Annotated interim("In his place, David Zinsner, Intel’s CFO, and Michelle Johnston Holthaus, GM of the client "
                            "computing group, have been named interim co-CEOs.");
    INFO(FormatParse(interim.annotated.parses[0]));
    CHECK(Has(Dependencies(interim), "amod(co-CEOs, interim)"));
}

TEST_CASE("Parse: a verb right after a name, read as a relative clause without subject or pronoun, is its predicate") {
    const Annotated doc("Cruise chief executive Kyle Vogt resigns after robotaxi suspension\n"
                        "Kyle Vogt, who co-founded self-driving car company Cruise in 2013, has resigned.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nsubj(resigns, Vogt)"));
    CHECK_FALSE(Has(dependencies, "acl:relcl(Vogt, resigns)"));
}

TEST_CASE("Parse: a verb trigger in the third person right after a name is a verb") {
    const Annotated doc("OpenAI appoints former Twitch boss Emmett Shear as interim CEO.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nsubj(appoints, OpenAI)"));
    CHECK(Has(dependencies, "obj(appoints, Shear)"));
}

// A relation joins two entities, and a syntax rule's explicit roles take
// them from the sentence's mentions: a sentence that names one entity is
// parsed only for a rule that takes the other from elsewhere.
TEST_CASE("Parse: a sentence naming one entity is parsed for a rule with an implicit role, not for the others") {
    const Annotated doc(
        "Brandle Gears Inc. reported higher sales on Monday. Chief executive Quentin Marlow said demand was strong. "
        "Brandle Gears Inc. was founded in 1998. Brandle Gears Inc. has grown since Brandle Gears Inc. was founded.");
    // "chief executive": the organization is the paragraph's topic.
    REQUIRE_FALSE(doc.annotated.parses[1].empty());
    const RuleMatch match = doc.MatchOf(doc.View(1), "syntax-ceo-title");
    const Emission& emission = EmissionOf(match, "ceo-of");
    const ArgumentResolver resolver(TheStages().rules->roles(), doc.annotated, doc.types);
    std::string problem;
    CHECK(Names(doc, resolver.RoleEntities(doc.View(1), *match.rule, match.match, emission.subject_role, &problem)) ==
          std::vector<std::string>{"Quentin Marlow"});
    // "founded" with its founder unnamed: no rule can state a relation,
    // whether the sentence names its one entity once or twice.
    CHECK(doc.annotated.parses[2].empty());
    CHECK(doc.annotated.parses[3].empty());
}

TEST_CASE("Parse: a name and a pronoun may stand for two entities, worth a parse") {
    const Annotated doc("Brandle Gears Inc. makes gears. Bolt Capital invested in it last year.");
    REQUIRE_FALSE(doc.annotated.parses[1].empty());
    const SentenceView view = doc.View(1);
    const RuleMatch match = doc.MatchOf(view, "syntax-invest-verb");
    const Emission& emission = EmissionOf(match, "invests-in");
    const ArgumentResolver resolver(TheStages().rules->roles(), doc.annotated, doc.types);
    std::string problem;
    CHECK(Names(doc, resolver.RoleEntities(view, *match.rule, match.match, emission.object_role, &problem)) ==
          std::vector<std::string>{"Brandle Gears Inc"});
    CHECK(problem.empty());
}

TEST_CASE("Parse: a sentence naming one entity is parsed for a deal's amount only when it holds a number") {
    const Annotated doc("Halvern Systems agreed to buy Brixton Analytics. Halvern completed the $2.1 billion deal on "
                        "Friday. Halvern completed the deal on Friday.");
    CHECK_FALSE(doc.annotated.parses[1].empty());
    CHECK(doc.annotated.parses[2].empty());
}

TEST_CASE("Segmentation: a letter a word designates ends a sentence, a middle initial does not") {
    const Annotated doc("Lumbra AI announced a $32 million Series B. Zarvane Ventures led the round. John F. Lundgren "
                        "joined it.");
    REQUIRE(doc.annotated.text.sentences.size() == 3);
    const Sentence& second = doc.annotated.text.sentences[1];
    CHECK(doc.annotated.document.text.substr(second.begin, second.end - second.begin) == "Zarvane Ventures led the round.");
}

TEST_CASE("Segmentation: an abbreviated legal form before a title does not end the sentence") {
    const Annotated doc("Chevron Corp. Chief Executive Officer Mike Wirth reiterated his support for Hess Corp. The "
                        "arbitration goes on.");
    REQUIRE(doc.annotated.text.sentences.size() == 2);
    const Sentence& first = doc.annotated.text.sentences[0];
    CHECK(doc.annotated.document.text.substr(first.begin, first.end - first.begin) ==
          "Chevron Corp. Chief Executive Officer Mike Wirth reiterated his support for Hess Corp.");
}

TEST_CASE("Parse: a name's abbreviation stop is its punctuation, and the name before a title is the title's compound") {
    const Annotated doc("Chevron Corp. Chief Executive Officer Mike Wirth reiterated his support for Hess Corp. in its "
                        "arbitration battle.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "punct(Corp, .)"));
    CHECK(Has(dependencies, "compound(Officer, Corp)"));
    CHECK(Has(dependencies, "nsubj(reiterated, Wirth)"));
}

TEST_CASE("Parse: an honorific is parsed with its stop, as the treebank writes it, and describes the name after it") {
    const Annotated doc("BTC Corp is led by Mr. Leonard Tharpe, President and Chief Executive Officer.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "punct(Mr, .)"));
    CHECK(Has(dependencies, "nmod:desc(Tharpe, Mr)"));
    CHECK(Has(dependencies, "obl:agent(led, Tharpe)"));
}

TEST_CASE("Segmentation: an honorific's full stop ends no sentence") {
    const Annotated doc("Dr. Brian McGourty established Eyecare Associates in 1978. The Oak Park Veterinary Clinic was "
                        "started in 1983 by Dr. Bonnie Snyder.");
    CHECK(doc.annotated.text.sentences.size() == 2);
}

TEST_CASE("Mentions: a particle in lower case between a name's words is part of the name") {
    const Annotated doc(
        "The name Armada derives from the first two letters of the founders' first names: Armin van Buuren, Maykel "
        "Piron, David Lewis. Roelf de Boer became president-director of European Waterways Transport Holding.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Armin van Buuren"));
    CHECK(Has(surfaces, "Roelf de Boer"));
    CHECK_FALSE(Has(surfaces, "Buuren"));
}

TEST_CASE("Mentions: a name before a comma and a known place, or after 'based in', is a place, not a mention") {
    const Annotated doc(
        "She is the CEO of Freshwater Pictures, based in Brisbane, Queensland, which she founded in 2001. Headquartered "
        "in Fort Myers, Florida, Haystak is part of VinSolutions.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Freshwater Pictures"));
    CHECK(Has(surfaces, "Haystak"));
    CHECK_FALSE(Has(surfaces, "Brisbane"));
    CHECK_FALSE(Has(surfaces, "Fort Myers"));
    CHECK_FALSE(Has(surfaces, "Headquartered"));
}

TEST_CASE("Segmentation: a legal form's full stop before a parenthesis ends no sentence") {
    const Annotated doc("Sands China Ltd. (HKSE:1928) is a subsidiary of Las Vegas Sands Corp. (NYSE:LVS). Harry Halloran "
                        "is Chairman and CEO of American Refining and Biochemical, Inc. (ARB).");
    CHECK(doc.annotated.text.sentences.size() == 2);
    // Hong Kong's exchange writes its tickers as numbers: an alias, not a name.
    for (const Mention& m : doc.annotated.found.mentions) CHECK(m.surface != "HKSE");
}

TEST_CASE("Mentions: a lower-case verb makes a line dense with capitals running text, not a headline") {
    // Every word of four letters or more is capitalized; "is" is not, as a
    // title-case headline would write it. "Singer" is no common noun here.
    const Annotated doc("Peter Alexander Singer is Chief Executive Officer of Grand Challenges Canada.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Peter Alexander Singer"));
    CHECK(Has(surfaces, "Grand Challenges Canada"));
    const Annotated headline("Strategic Investment Announced Today");
    CHECK(headline.annotated.found.mentions.empty());
}

TEST_CASE("Mentions: honours and degrees after a person's name are no names") {
    const Annotated doc(
        "Peter Alexander Singer, OC, MD, MPH, FRSC, is Chief Executive Officer of Grand Challenges Canada. Kim Dunn, "
        "MD, PhD - Founder, Chief Executive Officer. Created in 1899 by French engineers Alexandre Giros and Louis "
        "Loucheur, VINCI has become the largest company in construction.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    for (const char* letters : {"OC", "MD", "MPH", "FRSC", "PhD"}) CHECK_FALSE(Has(surfaces, letters));
    CHECK(Has(surfaces, "VINCI"));  // a word after it: the subject, not a degree
}

TEST_CASE("Mentions: a place before a person's first name is no part of the person's name") {
    const Annotated doc("Former Governor of Kansas Bill Graves is ATA's President and CEO.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Bill Graves"));
    CHECK_FALSE(Has(surfaces, "Kansas Bill Graves"));
}

TEST_CASE("Mentions: a title's capitalized modifier is no name, nor is a person the end of the firm before them") {
    const Annotated doc(
        "In 2017, co-founder Tom Maniatis was recruited when Founding Director Robert B. Darnell retired from NYGC. The "
        "team comprises former CEO at PJ Smoothies Andrew King.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Robert B. Darnell"));
    CHECK_FALSE(Has(surfaces, "Founding"));
    CHECK(Has(surfaces, "PJ Smoothies"));
    CHECK(Has(surfaces, "Andrew King"));
}

TEST_CASE("Mentions: one capitalized common word before 'of' and a name is a role, not a name") {
    const Annotated doc("The CEO is Kim Seok Hwan, Grandson of Kim Chul-Ho, Founder of Kia Motors. Sandra Hanington is "
                        "the current Master of the Royal Canadian Mint.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK_FALSE(Has(surfaces, "Grandson"));
    CHECK_FALSE(Has(surfaces, "Master"));
    CHECK(Has(surfaces, "Royal Canadian Mint"));
}

TEST_CASE("Mentions: a romanized given name keeps its lower-case syllable after the hyphen, but 'Musk-led' is no name") {
    const Annotated doc("Tavrin Corp. named Seo-yeon Park as interim chief executive. Kim Dae-jung, the founder of "
                        "Hanbit Motors, backed the Halvern-led consortium.");
    const std::vector<std::string> surfaces = Surfaces(doc);
    CHECK(Has(surfaces, "Seo-yeon Park"));
    CHECK(Has(surfaces, "Kim Dae-jung"));
    CHECK_FALSE(Has(surfaces, "Halvern-led"));
}

TEST_CASE("Mentions: a firm's name and its start in one sentence are one firm, unless the sentence says one is part of the other") {
    const auto entity_named = [](const Annotated& doc, const std::string& surface) {
        const auto& mentions = doc.annotated.found.mentions;
        for (std::size_t m = 0; m < mentions.size(); ++m) {
            if (mentions[m].surface == surface) return doc.annotated.resolved.entity_of_mention[m];
        }
        return -1;
    };
    const Annotated one("Brixton Systems signed an agreement with Velmora Inc. under which Velmora will provide security "
                        "services to Brixton's offices.");
    REQUIRE(entity_named(one, "Velmora") >= 0);
    CHECK(entity_named(one, "Velmora Inc") == entity_named(one, "Velmora"));
    const Annotated two("Velmora Inc. is the wholly owned subsidiary of Velmora, the Norwegian group.");
    REQUIRE(entity_named(two, "Velmora") >= 0);
    CHECK(entity_named(two, "Velmora Inc") != entity_named(two, "Velmora"));
}

TEST_CASE("Mentions: a company word alone is no name, and 'the Company' is a reference") {
    const Annotated doc(
        "Today, The Roof Center is a subsidiary of Beacon Roofing Supply, Inc. (NASDAQ: BECN), a Fortune 1000 Company "
        "and the largest publicly held distributor of roofing products in the United States. The Company was founded "
        "in 1927.");
    std::vector<std::string> names, references;
    for (const Mention& m : doc.annotated.found.mentions) (m.reference ? references : names).push_back(m.surface);
    CHECK_FALSE(Has(names, "Company"));
    CHECK(Has(references, "The Company"));
}

TEST_CASE("Mentions: a description before a quoted name is no reference of its own") {
    const Annotated doc("He is a Ukrainian economist, CEO of the investment company \"AYA Capital\".");
    for (const Mention& m : doc.annotated.found.mentions) CHECK(m.surface != "the investment company");
}

TEST_CASE("Parse: a name with its possessive 's owns the noun phrase after it, never a second object") {
    const Annotated doc("He has said he plans to cut jobs, leaving Twitter's approximately 7,500 employees fretting "
                        "about their future.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nmod:poss(employees, Twitter)"));
}

TEST_CASE("Parse: a bare apostrophe makes a possessor, and a name between commas after a noun phrase renames it") {
    const Annotated doc("In April 2004, Rockstar Games' parent company, Take-Two Interactive, announced that they had "
                        "acquired Mobious Entertainment.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nmod:poss(company, Games)"));
    CHECK(Has(dependencies, "nsubj(announced, company)"));
    CHECK(Has(dependencies, "appos(company, Interactive)"));
}

TEST_CASE("Parse: an apposition with a preposition of its own is the noun's modifier") {
    const Annotated doc("Nestle said Schneider, the former boss of German healthcare company Fresenius, joined in 2017.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nmod(boss, Fresenius)"));
}

TEST_CASE("Parse: a modifier after a noun's conjunct is the conjunct's when the noun has one of its own") {
    const Annotated doc(
        "Peter Alexander Singer, OC, MD, MPH, FRSC, is Chief Executive Officer of Grand Challenges Canada and Director "
        "at the Sandra Rotman Centre, University Health Network and University of Toronto.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nmod(Officer, Canada)"));
    CHECK(Has(dependencies, "nmod(Director, Centre)"));
    // One modifier after two coordinated titles is theirs to share.
    const Annotated shared("Gildo Pallanca Pastor (born 1 April 1967) is a Monegasque businessman, CEO and owner of "
                           "Venturi Automobiles.");
    INFO(FormatParse(shared.annotated.parses[0]));
    CHECK_FALSE(Has(Dependencies(shared), "nmod(owner, Automobiles)"));
}

TEST_CASE("Parse: 'prior to' is read as one word, and a name after an opening clause is the subject") {
    const Annotated doc("Prior to joining BrightTag, Eric was co-founder and CTO of FeedBurner, which Google acquired in "
                        "2007.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "fixed(Prior, to)"));
    CHECK(Has(dependencies, "root(ROOT, co-founder)"));
    CHECK(Has(dependencies, "nsubj(co-founder, Eric)"));
    CHECK(Has(dependencies, "advcl(co-founder, joining)"));
}

TEST_CASE("Parse: a name after an opening oblique and its comma is the subject of a verb without one") {
    const Annotated doc("In his place, David Zinsner, Intel’s CFO, and Michelle Johnston Holthaus, GM of the client "
                        "computing group, have been named interim co-CEOs.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nsubj:pass(named, Zinsner)"));
    CHECK(Has(dependencies, "conj(Zinsner, Holthaus)"));
}

TEST_CASE("Parse: a coordinated verb without a subject takes the noun right before it, not the first verb's subject") {
    const Annotated doc("Velmora will own 51% of the new company and Ardent shareholders will own 49% of it.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "nsubj(own, shareholders)"));
    CHECK(Has(dependencies, "cc(own, and)"));
    CHECK_FALSE(Has(dependencies, "conj(company, shareholders)"));
}

TEST_CASE("Parse: a list of names whose first comma the parser read as an apposition's is a coordination") {
    const Annotated doc("Tallis Defence, which beat rivals Brevard Marine, Oakhurst Naval Systems and Selkirk Dynamics "
                        "to win the order, is bidding again.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "conj(Marine, Systems)"));
    CHECK(Has(dependencies, "conj(Marine, Dynamics)"));
    CHECK_FALSE(Has(dependencies, "appos(Marine, Systems)"));
}

TEST_CASE("Parse: a name read as the open complement of a verb without object is its object, unless the verb names") {
    const Annotated left("She had left Bergtun Forlag, the publisher she co-founded with her husband in 2003, a year "
                         "earlier.");
    INFO(FormatParse(left.annotated.parses[0]));
    CHECK(Has(Dependencies(left), "obj(left, Forlag)"));
    const Annotated renamed("Halvern Systems acquired the startup and renamed it Brixton Analytics.");
    INFO(FormatParse(renamed.annotated.parses[0]));
    CHECK(Has(Dependencies(renamed), "xcomp(renamed, Analytics)"));
}

TEST_CASE("Parse: a hyphenated participle after a preposition describes the phrase's noun, not a verb of its own") {
    const Annotated doc("Halvern Systems was founded by award-winning journalist Dana Whitcombe in 1999.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "obl:agent(founded, Whitcombe)"));
    CHECK(Has(dependencies, "amod(Whitcombe, award-winning)"));
    CHECK(Has(dependencies, "case(Whitcombe, by)"));
    CHECK(Has(dependencies, "obl(founded, 1999)"));
}

TEST_CASE("Parse: a name after the comma of a noun with a possessor renames the noun") {
    const Annotated doc("He served on the board of Halvern Systems and on the board of its subsidiary, the Brixton "
                        "Community Investment Corp. (BCIC).");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "appos(subsidiary, Corp)"));
}

TEST_CASE("Parse: an 'as' phrase hung on a verb's named object is the verb's") {
    const Annotated doc("Dana Whitcombe, the former head of Corvel Energi, has joined Brixton Kraft as chief executive, a "
                        "move that had been in the works since she left Corvel last summer.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK_FALSE(Has(dependencies, "nmod(Kraft, executive)"));
    CHECK(Has(dependencies, "obl(joined, executive)"));
}

TEST_CASE("Parse: a name's 's before a comma is the name's ending, before a noun or amount a possessive") {
    const Annotated doc("Brixton Subs, the larger rival of Jersey Mike's, said sales rose.");
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(Dependencies(doc), "nmod(rival, Mike's)"));
    const Annotated deal("The case is the final hurdle in Chevron's $53 billion deal to buy Hess Corp.");
    INFO(FormatParse(deal.annotated.parses[0]));
    CHECK(Has(Dependencies(deal), "case(Chevron, 's)"));
}

TEST_CASE("Mentions: a description refers first to the name an apposition described with the same word") {
    const Annotated doc("Brantel Group launched Ostara, a company that will combine both businesses. Ostara began "
                        "trading on the Oslo Stock Exchange on Tuesday. Brantel Group will own 51% of the new company.");
    const auto& mentions = doc.annotated.found.mentions;
    const auto description = std::find_if(mentions.begin(), mentions.end(),
                                          [](const Mention& m) { return m.surface == "the new company"; });
    REQUIRE(description != mentions.end());
    const auto& candidates =
        doc.annotated.resolved.candidates_of_mention[static_cast<std::size_t>(description - mentions.begin())];
    REQUIRE(candidates.size() >= 2);
    CHECK(candidates[0] == doc.Entity("Ostara"));
}

TEST_CASE("Sentence view: a name, an amount and a date are one item each") {
    const Annotated doc("Toyota invested $394 million in Joby Aviation in 2020.");
    const SentenceView view = doc.View(0);
    CHECK(Describe(doc, view) == "[Toyota] invested <$394 million> in [Joby Aviation] in <2020> .");
    CHECK(view.mentions == 2);
    REQUIRE(view.quantities.size() == 2);
    CHECK(view.quantities[0].kind == QuantityKind::kMoney);
    CHECK(view.quantities[1].date == "2020");
    // "Joby" and "Aviation" are tokens 6 and 7, both the one item 4.
    CHECK(view.item_of_token[6] == 4);
    CHECK(view.item_of_token[7] == 4);
}

TEST_CASE("Sentence view: a ticker in parentheses is hidden, a pronoun is a reference") {
    const Annotated doc("Toyota (NYSE: TM) said it would invest in Joby.");
    const SentenceView view = doc.View(0);
    CHECK(Describe(doc, view) == "[Toyota] said [it] would invest in [Joby] .");
    CHECK(view.item_of_token[1] == -1);
    const SentenceItem& it = view.items[2];
    CHECK(it.reference);
    CHECK(it.word == "it");
}

// --- Rule matcher ---

TEST_CASE("Rule matcher: a word pattern and a syntax rule both find the investment") {
    const Annotated doc("Toyota invested $394 million in Joby Aviation in 2020.");
    const SentenceView view = doc.View(0);
    std::vector<std::string> rules;
    for (const RuleMatch& m : doc.Matches(view)) rules.push_back(m.rule->name);
    CHECK(std::count(rules.begin(), rules.end(), "invest-verb") == 1);
    CHECK(std::count(rules.begin(), rules.end(), "syntax-invest-verb") == 1);
    const RuleMatch words = doc.MatchOf(view, "invest-verb");
    CHECK(words.match.roles[kSubj].first == 0);  // the item [Toyota]
}

TEST_CASE("Rule matcher: a sentence without a rule's words matches nothing") {
    const Annotated doc("Toyota reported quarterly results on Tuesday.");
    CHECK(doc.Matches(doc.View(0)).empty());
}

// --- Argument resolver ---

TEST_CASE("Argument resolver: 'the company' stands for the organization named before") {
    const Annotated doc("Joby Aviation builds electric air taxis. Toyota invested $394 million in the company.");
    const SentenceView view = doc.View(1);
    const RuleMatch match = doc.MatchOf(view, "invest-verb");
    const Emission& emission = EmissionOf(match, "invests-in");
    const ArgumentResolver resolver(TheStages().rules->roles(), doc.annotated, doc.types);
    std::string problem;
    CHECK(Names(doc, resolver.RoleEntities(view, *match.rule, match.match, emission.subject_role, &problem)) ==
          std::vector<std::string>{"Toyota"});
    CHECK(Names(doc, resolver.RoleEntities(view, *match.rule, match.match, emission.object_role, &problem)) ==
          std::vector<std::string>{"Joby Aviation"});
    CHECK(problem.empty());
}

TEST_CASE("Argument resolver: an implicit object is the paragraph's topic, once known to be an organization") {
    Annotated doc("Nvidia is a chip maker. Cisco Investments also joined the round.");
    const SentenceView view = doc.View(1);
    const RuleMatch match = doc.MatchOf(view, "joins-round");
    const int object_role = EmissionOf(match, "invests-in").object_role;
    const ArgumentResolver resolver(TheStages().rules->roles(), doc.annotated, doc.types);
    // A name of unknown type may be a place or a product as well.
    std::string problem;
    CHECK(resolver.RoleEntities(view, *match.rule, match.match, object_role, &problem) == std::vector<int>{kUnresolved});
    CHECK(problem == "no organization in context for implicit obj");
    // The resolver reads the types as relations accepted so far refine them.
    doc.types[static_cast<std::size_t>(doc.Entity("Nvidia"))] = MentionType::kOrganization;
    problem.clear();
    CHECK(Names(doc, resolver.RoleEntities(view, *match.rule, match.match, object_role, &problem)) ==
          std::vector<std::string>{"Nvidia"});
    CHECK(problem.empty());
}

TEST_CASE("Argument resolver: who leaves, leaves the organization the document says they led") {
    const Annotated doc("Scale AI CEO Alexandr Wang resigned and joined Meta.");
    const ArgumentResolver resolver(TheStages().rules->roles(), doc.annotated, doc.types);
    RelationCandidate awaiting;
    awaiting.subject = doc.Entity("Alexandr Wang");
    awaiting.object = kAwaitingAffiliation;

    RelationCandidate known = awaiting;
    resolver.ResolveAffiliation(known, Affiliations{{awaiting.subject, doc.Entity("Scale AI")}});
    CHECK(doc.Name(known.object) == "Scale AI");
    CHECK(known.problem.empty());

    RelationCandidate unknown = awaiting;
    resolver.ResolveAffiliation(unknown, Affiliations{});
    CHECK(unknown.object == kAwaitingAffiliation);
    CHECK(unknown.problem == "no organization known for Alexandr Wang in this document");
}

// --- Attributes ---

TEST_CASE("Attributes: the amount and the date of 'invested $60 million in Joby in 2022'") {
    const Annotated doc("Toyota invested $60 million in Joby in 2022.");
    const SentenceView view = doc.View(0);
    const RuleMatch match = doc.MatchOf(view, "invest-verb");
    const AttributeFinder attributes(*TheStages().rules, std::nullopt);
    Evidence evidence;
    attributes.Attach(*EmissionOf(match, "invests-in").type, view, match.match, evidence);
    REQUIRE(evidence.amount);
    CHECK(evidence.amount->value == 60e6);
    CHECK(evidence.amount->currency == "USD");
    CHECK(evidence.date == "2022");
    CHECK(attributes.Modality(*match.rule, view, match.match).empty());
    CHECK_FALSE(attributes.Negated(view, match.match));
}

TEST_CASE("Attributes: an undated investment takes the page's publication date") {
    const Annotated doc("Published on: June 15, 2025\n\nToyota invested $60 million in Joby.");
    const std::optional<std::string> published = PublicationDate(doc.annotated, TheStages().annotator->quantities());
    CHECK(published == "2025-06-15");
    const SentenceView view = doc.View(1);
    const RuleMatch match = doc.MatchOf(view, "invest-verb");
    Evidence evidence;
    AttributeFinder(*TheStages().rules, published).Attach(*EmissionOf(match, "invests-in").type, view, match.match, evidence);
    CHECK(evidence.date == "2025-06-15");
}

TEST_CASE("Attributes: 'is considering' is a modality, 'did not' a negation") {
    const Annotated doc("Toyota is considering to invest $500 million in Joby. Toyota did not invest in Joby.");
    const AttributeFinder attributes(*TheStages().rules, std::nullopt);
    const SentenceView considered = doc.View(0);
    const RuleMatch match = doc.MatchOf(considered, "invest-verb");
    CHECK(attributes.Modality(*match.rule, considered, match.match) == "considered");
    const SentenceView negated = doc.View(1);
    CHECK(attributes.Negated(negated, doc.MatchOf(negated, "invest-verb").match));
}

// --- Fact assembler ---

TEST_CASE("Fact assembler: one relation per sentence, a schema break rejected and explained") {
    const Annotated doc("Toyota invested $60 million in Joby in 2022. Joby later named Toyota its CEO.");
    Explanation explanation;
    ExplanationLog log(&explanation, doc.annotated);
    FactAssembler facts(doc.annotated, log);
    const SentenceView view = doc.View(0);
    const RuleMatch match = doc.MatchOf(view, "invest-verb");
    RelationCandidate c;
    c.rule = match.rule;
    c.emission = &EmissionOf(match, "invests-in");
    c.subject = doc.Entity("Toyota");
    c.object = doc.Entity("Joby");
    c.evidence.confidence = 0.6;
    facts.Judge(c);
    // A second rule on the same sentence adds its date, not a second evidence.
    RelationCandidate dated = c;
    dated.evidence.confidence = 0.5;
    dated.evidence.date = "2022";
    facts.Judge(dated);

    // Joby is an organization now: the investment's object must be one.
    RelationCandidate ceo = c;
    ceo.sentence = 1;
    ceo.emission = &EmissionOf(doc.MatchOf(doc.View(1), "syntax-ceo-title"), "ceo-of");
    ceo.subject = doc.Entity("Joby");
    ceo.object = doc.Entity("Toyota");
    facts.Judge(ceo);

    const DocumentFacts out = facts.Assemble();
    REQUIRE(out.relations.size() == 1);
    CHECK(out.relations[0].subject == "Toyota");
    CHECK(out.relations[0].predicate == "invests-in");
    REQUIRE(out.relations[0].evidence.size() == 1);
    CHECK(out.relations[0].evidence[0].date == "2022");
    CHECK(out.relations[0].evidence[0].sentence == "Toyota invested $60 million in Joby in 2022.");
    CHECK(facts.counts().relations == 1);
    CHECK(facts.counts().rejected_by_schema == 1);
    REQUIRE(explanation.sentences.size() == 2);
    CHECK(explanation.sentences[0].accepted ==
          std::vector<std::string>{"Toyota invests-in Joby [rule invest-verb]", "Toyota invests-in Joby [rule invest-verb]"});
    REQUIRE(explanation.sentences[1].rejected.size() == 1);
    CHECK(explanation.sentences[1].rejected[0].find("schema: ceo-of subject must be Person, Joby is Organization") !=
          std::string::npos);
}

TEST_CASE("Fact assembler: a name in capitals of no known type is no person") {
    const Annotated doc("Joby said UCLA is its chief executive.");
    Explanation explanation;
    ExplanationLog log(&explanation, doc.annotated);
    FactAssembler facts(doc.annotated, log);
    const int ucla = doc.Entity("UCLA");
    REQUIRE(facts.types()[static_cast<std::size_t>(ucla)] == MentionType::kUnknown);
    RelationCandidate c;
    c.rule = doc.MatchOf(doc.View(0), "syntax-ceo-title").rule;
    c.emission = &EmissionOf(doc.MatchOf(doc.View(0), "syntax-ceo-title"), "ceo-of");
    c.subject = ucla;
    c.object = doc.Entity("Joby");
    facts.Judge(c);
    CHECK(facts.Assemble().relations.empty());
    CHECK(facts.types()[static_cast<std::size_t>(ucla)] == MentionType::kUnknown);
    CHECK(facts.counts().rejected_by_schema == 1);
    REQUIRE(explanation.sentences.size() == 1);
    REQUIRE(explanation.sentences[0].rejected.size() == 1);
    CHECK(explanation.sentences[0].rejected[0].find("UCLA, a name in capitals or of common words, is none") != std::string::npos);
}

TEST_CASE("Fact assembler: a name of unknown type takes the type its first relation requires") {
    const Annotated doc("Joby said Bevirt is its chief executive.");
    ExplanationLog log(nullptr, doc.annotated);
    FactAssembler facts(doc.annotated, log);
    const int bevirt = doc.Entity("Bevirt");
    REQUIRE(facts.types()[static_cast<std::size_t>(bevirt)] == MentionType::kUnknown);
    const Rule& rule = *std::find_if(TheStages().rules->rules().begin(), TheStages().rules->rules().end(),
                                     [](const Rule& r) { return r.name == "syntax-ceo-title"; });
    RelationCandidate c;
    c.rule = &rule;
    c.emission = &rule.emissions.front();
    c.subject = bevirt;
    c.object = doc.Entity("Joby");
    facts.Judge(c);
    CHECK(facts.types()[static_cast<std::size_t>(bevirt)] == MentionType::kPerson);
    CHECK(facts.affiliations().count(bevirt) == 1);
}

TEST_CASE("Folding: a dotted acronym of three letters or more folds to its letters, 'U.S.' stays a word") {
    CHECK(DottedAcronymForm("C.E.O") == "CEO");
    CHECK(DottedAcronymForm("C.F.O.") == "CFO");
    CHECK(DottedAcronymForm("U.S.").empty());
    CHECK(DottedAcronymForm("CEO").empty());
    CHECK(DottedAcronymForm("e.l.f") == "elf");
    CHECK(DottedAcronymForm("Inc.").empty());
}

TEST_CASE("Segmentation: a timeline flattened onto one line is cut before each entry's date") {
    const Annotated doc("Company names Mira Murati as interim CEO Nov. 18 Early investor Khosla Ventures says it wants "
                        "Altman back on Nov. 19 or later, people familiar with the matter said Nov. 20 Microsoft hires "
                        "Altman.");
    std::vector<std::string> sentences;
    for (const Sentence& s : doc.annotated.text.sentences) {
        sentences.emplace_back(doc.annotated.document.text.substr(s.begin, s.end - s.begin));
    }
    CHECK(sentences == std::vector<std::string>{
                           "Company names Mira Murati as interim CEO",
                           "Nov. 18 Early investor Khosla Ventures says it wants Altman back on Nov. 19 or later, people "
                           "familiar with the matter said",
                           "Nov. 20 Microsoft hires Altman."});
}

TEST_CASE("Parse: the date opening a timeline entry is kept from the parser and modifies the clause") {
    const Annotated doc("Nov. 18 Early investor Khosla Ventures says it wants Altman back at OpenAI.");
    const std::vector<std::string> dependencies = Dependencies(doc);
    INFO(FormatParse(doc.annotated.parses[0]));
    CHECK(Has(dependencies, "obl:unmarked(says, Nov)"));
    CHECK(Has(dependencies, "nummod(Nov, 18)"));
    CHECK(Has(dependencies, "nsubj(says, Ventures)"));
}

TEST_CASE("Segmentation: a possessive after an abbreviation's stop is one clitic") {
    const Annotated doc("Velmora Inc.'s customers include Ostara Motors.");
    std::vector<std::string> tokens;
    for (const Token& t : doc.annotated.text.tokens) tokens.emplace_back(t.text);
    CHECK(tokens == std::vector<std::string>{"Velmora", "Inc", ".", "'s", "customers", "include", "Ostara", "Motors", "."});
}

TEST_CASE("Segmentation: tokens keep their byte offsets past letters outside ASCII, and in text that is no UTF-8") {
    Result<TextSegmenter> segmenter = TextSegmenter::Create();
    REQUIRE(segmenter.ok());
    // "é" and "ë" are two bytes, "😀" four (two UTF-16 units): the UTF-16
    // indices ICU returns map back to these bytes. "\xFF" is no UTF-8 at all:
    // that text is read as UTF-8 by ICU itself.
    for (const std::string text : {"Café 😀 Zoë bought Acme. It grew.", "Café \xFF Zoë bought Acme. It grew."}) {
        const SegmentedText segmented = segmenter->Segment(text);
        std::vector<std::string_view> words;
        for (const Token& token : segmented.tokens) {
            CHECK(token.text == std::string_view(text).substr(token.begin, token.end - token.begin));
            if (token.kind == Token::Kind::kWord) words.push_back(token.text);
        }
        CHECK(words == std::vector<std::string_view>{"Café", "Zoë", "bought", "Acme", "It", "grew"});
        REQUIRE(segmented.sentences.size() == 2);
        const Sentence& second = segmented.sentences[1];
        CHECK(text.substr(second.begin, second.end - second.begin) == "It grew.");
    }
}
