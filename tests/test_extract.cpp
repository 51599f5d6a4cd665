// extract/: real seed sentences in, exact relations out; the document reader;
// the rules and schema files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include "kgraph/extract.h"
#include "test_documents.h"

using namespace kgraph;
using kgraph::test::Doc;
namespace fs = std::filesystem;

namespace {

const Extractor& TheExtractor() {
    static const std::unique_ptr<Extractor> extractor = [] {
        Result<std::unique_ptr<Extractor>> created = Extractor::Create({});
        REQUIRE(created.ok());
        return std::move(*created);
    }();
    return *extractor;
}

DocumentFacts Extract(const std::string& text, Explanation* explanation = nullptr, ExtractionCounts* counts = nullptr) {
    return TheExtractor().Extract(Doc(text), explanation, counts);
}

// "Subject predicate Object" for every relation, to compare as a set.
std::set<std::string> Triples(const DocumentFacts& facts) {
    std::set<std::string> out;
    for (const Relation& r : facts.relations) out.insert(r.subject + " " + r.predicate + " " + r.object);
    return out;
}

const Relation* Find(const DocumentFacts& facts, const std::string& s, const std::string& p, const std::string& o) {
    for (const Relation& r : facts.relations) {
        if (r.subject == s && r.predicate == p && r.object == o) return &r;
    }
    return nullptr;
}

const Entity* FindEntity(const DocumentFacts& facts, const std::string& name) {
    for (const Entity& e : facts.entities) {
        if (e.name == name) return &e;
    }
    return nullptr;
}

bool HasAlias(const Entity& e, const std::string& alias) {
    return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

fs::path TempFile(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / "kgraph_test_extract";
    fs::create_directories(dir);
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

}  // namespace

// --- Relations from real seed sentences ---

TEST_CASE("An investment verb with an amount in dollars written out") {
    const DocumentFacts facts =
        Extract("Microsoft recently invested 13 billion dollars in OpenAI while also maintaining a minority position.");
    CHECK(Triples(facts) == std::set<std::string>{"Microsoft invests-in OpenAI"});
    const Relation* r = Find(facts, "Microsoft", "invests-in", "OpenAI");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence.size() == 1);
    REQUIRE(r->evidence[0].amount.has_value());
    CHECK(r->evidence[0].amount->value == Approx(13e9));
    CHECK(r->evidence[0].amount->currency == "USD");
    CHECK(r->evidence[0].amount->qualifier.empty());
    // Both the syntax rule and the word pattern state it; the first rule of
    // the file, the syntax one, names the evidence.
    CHECK(r->evidence[0].rule == "syntax-invest-verb");
}

TEST_CASE("A stake granted by an investment carries its percentage") {
    const DocumentFacts facts =
        Extract("This investment grants Meta Platforms an impressive 49% ownership in Scale AI, underscoring the "
                "technology behemoth’s substantial commitment to advancing its capabilities.");
    const Relation* r = Find(facts, "Meta Platforms", "owns-stake", "Scale AI");
    REQUIRE(r != nullptr);
    CHECK(r->evidence[0].percent == Approx(49));
    CHECK(Triples(facts) == std::set<std::string>{"Meta Platforms owns-stake Scale AI"});
}

TEST_CASE("A hedged amount keeps its qualifier, the ticker is an alias") {
    const DocumentFacts facts = Extract(
        "In a striking development within the technology sector, Meta Platforms, known on the NASDAQ as META, has "
        "executed an audacious and financially hefty strategy by investing a staggering sum in excess of $14 billion "
        "in Scale AI, a firm specializing in data labelling.");
    const Relation* r = Find(facts, "Meta Platforms", "invests-in", "Scale AI");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence[0].amount.has_value());
    CHECK(r->evidence[0].amount->value == Approx(14e9));
    CHECK(r->evidence[0].amount->qualifier == "more-than");
    const Entity* meta = FindEntity(facts, "Meta Platforms");
    REQUIRE(meta != nullptr);
    CHECK(HasAlias(*meta, "META"));
    CHECK(FindEntity(facts, "NASDAQ") == nullptr);
}

TEST_CASE("Money in the written forms of news") {
    struct Case {
        std::string sentence;
        double value;
        std::string currency, qualifier;
    };
    const std::vector<Case> cases{
        {"With a spectacular investment of $ 14.3 billion, Meta Platforms acquired a 49 percent share of Scale AI.", 14.3e9, "USD", ""},
        {"Why did Meta decide to invest 14 billion in Scale AI?", 14e9, "USD", ""},
        {"Acme Corp invested roughly $14bn in Initech Labs.", 14e9, "USD", "approximately"},
        {"Acme Corp invested €5m in Initech Labs.", 5e6, "EUR", ""},
        {"Acme Corp invested up to 200 million euros in Initech Labs.", 200e6, "EUR", "up-to"},
        {"Acme Corp invests $500 mln in Initech Labs", 500e6, "USD", ""},
        {"Acme Corp invested $1.2 bln in Initech Labs.", 1.2e9, "USD", ""},
    };
    for (const Case& c : cases) {
        INFO(c.sentence);
        const DocumentFacts facts = Extract(c.sentence);
        const Relation* r = nullptr;
        for (const Relation& candidate : facts.relations) {
            if (candidate.predicate == "invests-in") r = &candidate;
        }
        REQUIRE(r != nullptr);
        REQUIRE(r->evidence[0].amount.has_value());
        CHECK(r->evidence[0].amount->value == Approx(c.value));
        CHECK(r->evidence[0].amount->currency == c.currency);
        CHECK(r->evidence[0].amount->qualifier == c.qualifier);
    }
}

TEST_CASE("Apposition: a person, then their title of an organization") {
    const DocumentFacts facts = Extract(
        "The integration of Alexandr Wang, CEO of Scale AI, into this initiative is a bold strategy aimed at catalyzing innovation.");
    CHECK(Triples(facts) == std::set<std::string>{"Alexandr Wang ceo-of Scale AI"});
    const Entity* wang = FindEntity(facts, "Alexandr Wang");
    REQUIRE(wang != nullptr);
    CHECK(wang->type == EntityType::kPerson);
}

TEST_CASE("Title before name, and a competitor named inside the apposition") {
    CHECK(Triples(Extract("Labelbox CEO Manu Sharma told Reuters that his company will generate new income.")) ==
          std::set<std::string>{"Manu Sharma ceo-of Labelbox"});
    CHECK(Triples(Extract("Jonathan Siddharth, CEO of the Scale competitor Turing, commented on the deal.")) ==
          std::set<std::string>{"Jonathan Siddharth ceo-of Turing", "Scale competes-with Turing"});
}

TEST_CASE("'founder and CEO' states both, and a founder who changes company leaves it") {
    const DocumentFacts facts = Extract(
        "As part of the deal, Scale Ai founder and CEO Alexandr Wang (28) to Meta changes to lead a new "
        "“superintelligence” department.");
    CHECK(Triples(facts) == std::set<std::string>{"Alexandr Wang ceo-of Scale Ai", "Alexandr Wang founder-of Scale Ai",
                                                  "Alexandr Wang leaves Scale Ai"});
}

TEST_CASE("Coordination after 'such as' gives one relation per name, the subject is the sentence's organization") {
    const DocumentFacts facts = Extract(
        "This monumental commitment aims to strengthen Meta’s presence in the cutting-edge AI market, in response to "
        "the rise of competitors such as OpenAI, Google, and Anthropic.");
    CHECK(Triples(facts) == std::set<std::string>{"Anthropic competes-with Meta", "Google competes-with Meta",
                                                  "Meta competes-with OpenAI"});
}

TEST_CASE("Pronouns resolve to the previous subject, \"X's rivals, including A and B\"") {
    const DocumentFacts facts = Extract(
        "Founded in 2016, Scale's primary business is in labeling data. Scale, like Meta, has been sued by former content moderators over its labor practices. Meta is one of its "
        "largest customers, but it also provides services to Meta's rivals, including Google DeepMind and OpenAI.");
    CHECK(Triples(facts) == std::set<std::string>{"Meta customer-of Scale", "Google DeepMind customer-of Scale",
                                                  "OpenAI customer-of Scale", "Google DeepMind competes-with Meta",
                                                  "Meta competes-with OpenAI"});
}

TEST_CASE("'the data-labeling firm' is the organization named last, 'reportedly reconsidering' is a modality") {
    const DocumentFacts facts = Extract(
        "Notably, Google, a subsidiary of Alphabet (NASDAQ: GOOGL) and accounting for roughly 17% of Scale’s revenue "
        "in 2024, has expressed intentions to end its association with Scale AI. Similarly, Microsoft (NASDAQ: MSFT) is "
        "also reportedly reconsidering its collaboration with the data-labeling firm.");
    const Relation* leaves = Find(facts, "Google", "leaves", "Scale AI");
    REQUIRE(leaves != nullptr);
    CHECK(leaves->evidence[0].modality == "planned");
    CHECK(Find(facts, "Google", "customer-of", "Scale AI") != nullptr);
    const Relation* microsoft = Find(facts, "Microsoft", "customer-of", "Scale AI");
    REQUIRE(microsoft != nullptr);
    CHECK(microsoft->evidence[0].modality == "considered");
    const Entity* alphabet = FindEntity(facts, "Alphabet");
    REQUIRE(alphabet != nullptr);
    CHECK(HasAlias(*alphabet, "NASDAQ: GOOGL"));
    CHECK(FindEntity(facts, "GOOGL") == nullptr);
}

TEST_CASE("Ways of leaving a supplier") {
    CHECK(Triples(Extract("In addition to Google, Microsoft also withdraws from working with Scale Ai.")).count(
              "Microsoft leaves Scale Ai") == 1);
    const std::set<std::string> retire = Triples(Extract("Microsoft and Google retire from Scale Ai to Metas billions"));
    CHECK(retire.count("Microsoft leaves Scale Ai") == 1);
    CHECK(retire.count("Google leaves Scale Ai") == 1);
    CHECK(Triples(Extract("Acme Corp decided to sever ties with Initech Labs last week.")).count(
              "Acme Corp leaves Initech Labs") == 1);
}

TEST_CASE("An object left implicit comes from the paragraph and its headline") {
    const DocumentFacts facts = Extract(
        "Scale Ai founder and CEO Alexandr Wang joins Meta.\n\nFuture of Scale Ai uncertain\n\nDespite the customer "
        "losses, a Scale AI spokesman emphasizes that the company's business remains strong. Jason Droege, previously "
        "Chief Strategy Officer, temporarily takes over the CEO position after Wang has switched to Meta.");
    const std::set<std::string> triples = Triples(facts);
    CHECK(triples.count("Jason Droege ceo-of Scale AI") == 1);
    CHECK(triples.count("Alexandr Wang leaves Scale AI") == 1);
    CHECK(triples.count("Jason Droege ceo-of Meta") == 0);
}

TEST_CASE("Possessives without apostrophe and short forms are one entity") {
    const DocumentFacts facts = Extract(
        "Meta grabs Scale Ai for $ 14.3 billion - the youngest billionaire changes to Zuckerberg\n\nMetas strategic "
        "takeover shakes the AI industry\n\nWith a spectacular investment of $ 14.3 billion, Meta Platforms acquired a "
        "49 percent share of Scale AI. Last year Google spent around $ 150 million for Scale AIS services. SCALE "
        "employees provide data identification services.");
    const Entity* meta = FindEntity(facts, "Meta Platforms");
    REQUIRE(meta != nullptr);
    CHECK(HasAlias(*meta, "Metas"));
    CHECK(HasAlias(*meta, "Meta"));
    const Entity* scale = FindEntity(facts, "Scale AI");
    REQUIRE(scale != nullptr);
    CHECK(HasAlias(*scale, "Scale AIS"));
    CHECK(HasAlias(*scale, "Scale Ai"));
    CHECK(HasAlias(*scale, "SCALE"));
    CHECK(FindEntity(facts, "Metas") == nullptr);
    CHECK(FindEntity(facts, "Scale AIS") == nullptr);
    const Relation* stake = Find(facts, "Meta Platforms", "owns-stake", "Scale AI");
    REQUIRE(stake != nullptr);
    CHECK(RelationPercent(*stake) == Approx(49));
}

TEST_CASE("A surname later in the text is the same person") {
    const DocumentFacts facts = Extract(
        "Meta wants to bring Alexandr Wang, the prodigious 28-year-old founder of Scale AI, under its wing. Wang, "
        "with his proven track record, represents a formidable advantage for Meta.");
    CHECK(Find(facts, "Alexandr Wang", "founder-of", "Scale AI") != nullptr);
    const Entity* wang = FindEntity(facts, "Alexandr Wang");
    REQUIRE(wang != nullptr);
    CHECK(HasAlias(*wang, "Wang"));
    CHECK(FindEntity(facts, "Wang") == nullptr);
}

TEST_CASE("Page furniture yields no relation") {
    CHECK(Extract("This competition is accompanied by ethical questions, as personalities such as Elton John and Dua "
                  "Lipa call for protections against potential abuses of artificial intelligence.")
              .relations.empty());
    CHECK(Extract("Leave A Reply").relations.empty());
    CHECK(Extract("© 2026 Multibagger News (multibagger.co.uk) — Owned and operated by MULTIBAGGER TRADES UK LTD "
                  "(Company No. 16391966). All rights reserved.")
              .relations.empty());
    CHECK(Extract("actu.iaNon classéMeta is dedicating 14 billion dollars to Scale AI to strengthen its...").relations.empty());
    CHECK(Extract("découvrez comment d'anciens employés d'openai révèlent des pratiques inquiétantes liées à la "
                  "recherche de profit, mettant en péril la sécurité de l'intelligence artificielle.")
              .relations.empty());
}

TEST_CASE("A candidate that breaks the schema is counted and explained, not emitted") {
    Explanation explanation;
    ExtractionCounts counts;
    const DocumentFacts facts = Extract("Microsoft invested $1 billion in Jason Smith.", &explanation, &counts);
    CHECK(facts.relations.empty());
    REQUIRE(explanation.sentences.size() == 1);
    // Every rule that considered the sentence says why it stated nothing;
    // the ones that found both names (the word pattern and the syntax rule)
    // were stopped by the schema, and each is counted.
    const std::vector<std::string>& rejected = explanation.sentences[0].rejected;
    std::vector<std::string> by_schema;
    std::copy_if(rejected.begin(), rejected.end(), std::back_inserter(by_schema),
                 [](const std::string& why) { return why.find("schema") != std::string::npos; });
    CHECK(counts.rejected_by_schema == by_schema.size());
    REQUIRE(!by_schema.empty());
    for (const std::string& why : by_schema) CHECK(why.find("Jason Smith is Person") != std::string::npos);
    CHECK(std::any_of(by_schema.begin(), by_schema.end(),
                      [](const std::string& why) { return why.find("[rule invest-verb]") != std::string::npos; }));
}

TEST_CASE("The explanation lists entities and the rule behind each relation") {
    Explanation explanation;
    ExtractionCounts counts;
    Extract("Labelbox CEO Manu Sharma told Reuters about it.", &explanation, &counts);
    REQUIRE(explanation.sentences.size() == 1);
    const SentenceExplanation& s = explanation.sentences[0];
    CHECK(s.start == 0);
    CHECK(s.text == "Labelbox CEO Manu Sharma told Reuters about it.");
    CHECK(std::count(s.entities.begin(), s.entities.end(), "Manu Sharma (Person)") == 1);
    // Both the dependency rule and the word pattern state it, each listed.
    CHECK(s.accepted == std::vector<std::string>{"Manu Sharma ceo-of Labelbox [rule syntax-ceo-title]",
                                                 "Manu Sharma ceo-of Labelbox [rule title-before-name-ceo]"});
    CHECK(counts.sentences == 1);
    CHECK(counts.relations == 1);
}

TEST_CASE("Evidence points at the stating sentence by byte offsets and by code point offsets") {
    // Three characters of two or three bytes before the sentence, one in it.
    const std::string text = "Caf\u00e9 \u201cHeadline\u201d without a relation\n\nMicrosoft recently invested 13 billion dollars in OpenAI.";
    const DocumentFacts facts = Extract(text);
    const Relation* r = Find(facts, "Microsoft", "invests-in", "OpenAI");
    REQUIRE(r != nullptr);
    const Evidence& e = r->evidence[0];
    CHECK(text.substr(e.start, e.end - e.start) == e.sentence);
    REQUIRE(e.chars);
    CHECK(e.chars->start == e.start - 5);  // 1 + 2 + 2 bytes more than characters
    CHECK(e.chars->end - e.chars->start == e.sentence.size());
    CHECK(e.sentence == "Microsoft recently invested 13 billion dollars in OpenAI.");
    CHECK(e.doc == DocumentId(text));
    CHECK(e.confidence > 0);
    CHECK(e.confidence <= 1);
}

TEST_CASE("Extraction is deterministic, and a 1 MB line does not hang") {
    std::ifstream in(fs::path(KGRAPH_SEEDS_DIR) / "004_7733d2cd37fd739c.txt");
    const std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(Extract(seed).relations == Extract(seed).relations);

    // A line ten times longer takes about ten times as long, not a hundred
    // (a cost quadratic in the line's length made a 50 MB line hang). A
    // ratio measured in the run, so that a sanitizer build or a busy machine
    // does not fail it.
    const auto seconds_for = [](std::size_t bytes) {
        std::string line;
        while (line.size() < bytes) line += "Acme Corp and Initech Labs said that the rivals such as Globex ";
        const auto start = std::chrono::steady_clock::now();
        Extract(line);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const double short_line = seconds_for(100'000);
    const double long_line = seconds_for(1'000'000);
    INFO("100 KB line: " << short_line << " s, 1 MB line: " << long_line << " s");
    CHECK(long_line < 30 * short_line + 1.0);
}

TEST_CASE("Several threads and two extractors give the facts one thread gives") {
    // Each thread keeps its ICU iterators from one document to the next:
    // nothing may carry over between documents, threads or extractors.
    Result<std::vector<fs::path>> paths = ListDocuments(KGRAPH_SEEDS_DIR);
    REQUIRE(paths.ok());
    std::vector<Document> documents;
    for (const fs::path& path : *paths) {
        Result<Document> document = ReadDocument(path);
        REQUIRE(document.ok());
        documents.push_back(std::move(*document));
    }
    std::vector<DocumentFacts> expected;
    for (const Document& document : documents) expected.push_back(TheExtractor().Extract(document));
    Result<std::unique_ptr<Extractor>> second = Extractor::Create({});
    REQUIRE(second.ok());
    const Extractor* extractors[] = {&TheExtractor(), second->get()};

    constexpr std::size_t kThreads = 4, kRounds = 3;
    std::vector<std::size_t> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < kRounds * documents.size(); ++i) {
                const std::size_t d = (i + t) % documents.size();
                const DocumentFacts facts = extractors[(i + t) % 2]->Extract(documents[d]);
                mismatches[t] += !(facts.entities == expected[d].entities && facts.relations == expected[d].relations);
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(mismatches == std::vector<std::size_t>(kThreads, 0));
}

TEST_CASE("All five seeds yield the key gold relations") {
    std::set<std::string> all;
    const Result<std::vector<fs::path>> seeds = ListDocuments(KGRAPH_SEEDS_DIR);
    REQUIRE(seeds.ok());
    for (const fs::path& path : *seeds) {
        Result<Document> doc = ReadDocument(path);
        REQUIRE(doc.ok());
        for (const std::string& t : Triples(TheExtractor().Extract(*doc))) all.insert(t);
    }
    for (const char* expected : {
             "Meta Platforms invests-in Scale AI", "Meta invests-in Scale AI", "Meta Platforms owns-stake Scale AI",
             "Meta owns-stake Scale", "Meta customer-of Scale AI", "Google customer-of Scale AI",
             "Google leaves Scale AI", "Microsoft leaves Scale AI", "Microsoft customer-of Scale AI",
             "OpenAI customer-of Scale AI", "Google DeepMind customer-of Scale AI", "Alexandr Wang founder-of Scale AI",
             "Alexandr Wang ceo-of Scale AI", "Alexandr Wang leaves Scale AI", "Jason Droege ceo-of Scale AI",
             "Manu Sharma ceo-of Labelbox", "Jonathan Siddharth ceo-of Turing", "Handshake competes-with Scale AI",
             "Mercor competes-with Scale AI", "Meta competes-with OpenAI", "Google competes-with Meta",
             "Anthropic competes-with Meta", "Microsoft invests-in OpenAI"}) {
        INFO(expected);
        CHECK(all.count(expected) == 1);
    }
    CHECK(all.count("Dua Lipa competes-with Elton John") == 0);
}

// --- Held-out sentences (tests/data/heldout): shapes the seeds do not have ---

TEST_CASE("A dateline, places and nationalities are never parties") {
    const DocumentFacts facts = Extract(
        "COPENHAGEN, March 3 (Reuters) - Danish lender Nordhavn Bank has taken a 10 percent stake in Paylane, a "
        "Berlin-based payments start-up, paying 80 million euros in a deal that values the company at 800 million "
        "euros, the two firms said on Monday.");
    CHECK(Triples(facts) == std::set<std::string>{"Nordhavn Bank owns-stake Paylane", "Nordhavn Bank invests-in Paylane"});
    CHECK(RelationPercent(*Find(facts, "Nordhavn Bank", "owns-stake", "Paylane")) == Approx(10));
    for (const char* place : {"COPENHAGEN", "Danish", "Reuters", "Berlin"}) CHECK(FindEntity(facts, place) == nullptr);
}

TEST_CASE("An amount after a dateline's date is still the deal's amount") {
    const DocumentFacts facts = Extract(
        "SAN JOSE, Calif. and SAN FRANCISCO, March 18, 2024 /PRNewswire/ -- Cisco (NASDAQ: CSCO) today announced it "
        "has completed its acquisition of Splunk, the cybersecurity and observability company, for $157 per share in "
        "cash, representing approximately $28 billion in equity value.");
    const Relation* deal = Find(facts, "Cisco", "invests-in", "Splunk");
    REQUIRE(deal != nullptr);
    REQUIRE(RelationAmount(*deal).has_value());
    CHECK(RelationAmount(*deal)->value == Approx(28e9));  // not the $157 share price
    CHECK(Find(facts, "Cisco", "owns-stake", "Splunk") != nullptr);
}

TEST_CASE("A name that only says whose or where the next one is stays out of the relation") {
    // "Cruise" opening a sentence is a name because the document uses it as one elsewhere.
    const std::set<std::string> triples = Triples(Extract(
        "Kyle Vogt co-founded the self-driving car company Cruise in 2013. Cruise competes with Alphabet's Waymo and "
        "Amazon-owned Zoox in the robotaxi market."));
    CHECK(triples.count("Cruise competes-with Waymo") == 1);
    CHECK(triples.count("Cruise competes-with Zoox") == 1);
    CHECK(triples.count("Alphabet competes-with Cruise") == 0);
    CHECK(triples.count("Amazon competes-with Cruise") == 0);
}

TEST_CASE("A description opening a sentence continues its subject, not the last name") {
    const DocumentFacts facts = Extract(
        "Groq competes with Nvidia, whose graphics processors dominate the market for AI computing, as well as with a "
        "crop of startups such as Cerebras Systems and SambaNova Systems. The company was founded in 2016 by Jonathan "
        "Ross, a former Google engineer. Ross is Groq's chief executive.");
    const std::set<std::string> triples = Triples(facts);
    CHECK(triples.count("Jonathan Ross founder-of Groq") == 1);
    CHECK(triples.count("Jonathan Ross founder-of SambaNova Systems") == 0);
    CHECK(triples.count("Jonathan Ross ceo-of Groq") == 1);
    CHECK(triples.count("Cerebras Systems competes-with Groq") == 1);
    CHECK(triples.count("Groq competes-with SambaNova Systems") == 1);
}

TEST_CASE("A bracketed conversion to dollars is the amount, paying for a stake is investing and owning") {
    const DocumentFacts facts = Extract(
        "Volkswagen AG will pay about 1.1 billion euros ($1.2 billion) for a 26 percent stake in Gotion High-Tech, "
        "becoming the largest shareholder of the Chinese battery manufacturer, the German carmaker said on Friday.");
    const Relation* invests = Find(facts, "Volkswagen AG", "invests-in", "Gotion High-Tech");
    REQUIRE(invests != nullptr);
    CHECK(RelationAmount(*invests)->value == Approx(1.2e9));
    CHECK(RelationAmount(*invests)->currency == "USD");
    CHECK(RelationAmount(*invests)->qualifier == "approximately");
    CHECK(RelationPercent(*Find(facts, "Volkswagen AG", "owns-stake", "Gotion High-Tech")) == Approx(26));
    CHECK(FindEntity(facts, "Chinese") == nullptr);
}

TEST_CASE("Backers: 'is backed by', a round led by, joining the round, 'backers include'") {
    CHECK(Triples(Extract("Paylane, which is backed by venture capital firms Index Ventures and Creandum, processes "
                          "card and account-to-account payments for online merchants across Europe.")) ==
          std::set<std::string>{"Index Ventures invests-in Paylane", "Creandum invests-in Paylane"});
    // Who "joined the round" is left to the topic: the headline names it.
    const DocumentFacts groq = Extract(
        "AI chip startup Groq raises $640 million as it takes on Nvidia\n\nGroq, a startup that designs chips for running artificial intelligence models, said on Monday it has raised "
        "$640 million in a funding round led by BlackRock Private Equity Partners, valuing the company at $2.8 billion.\n\n"
        "Cisco Investments and Samsung Catalyst Fund also joined the round. Existing backers include Tiger Global Management.");
    const Relation* lead = Find(groq, "BlackRock Private Equity Partners", "invests-in", "Groq");
    REQUIRE(lead != nullptr);
    CHECK(RelationAmount(*lead)->value == Approx(640e6));
    for (const char* backer : {"Cisco Investments", "Samsung Catalyst Fund", "Tiger Global Management"}) {
        INFO(backer);
        CHECK(Find(groq, backer, "invests-in", "Groq") != nullptr);
    }
}

TEST_CASE("Suppliers and buyers: 'a supplier to', 'buying cells from', 'is used by'") {
    const std::set<std::string> triples = Triples(Extract(
        "Gotion will become a certified supplier to Volkswagen, which has been buying cells from LG Chem and Samsung "
        "SDI as well as from CATL."));
    CHECK(triples.count("Volkswagen customer-of Gotion") == 1);
    CHECK(triples.count("Volkswagen customer-of LG Chem") == 1);
    CHECK(triples.count("Volkswagen customer-of Samsung SDI") == 1);
    CHECK(Triples(Extract("Splunk sells software that lets companies search and analyze machine data. Its software is "
                          "used by Honda and McLaren.")) ==
          std::set<std::string>{"Honda customer-of Splunk", "McLaren customer-of Splunk"});
}

TEST_CASE("People: two titles, a possessive organization, a name known from its possessive") {
    CHECK(Triples(Extract("\"Toyota shares our vision of flying people around cities quietly,\" said JoeBen Bevirt, "
                          "Joby's founder and CEO.")) ==
          std::set<std::string>{"JoeBen Bevirt ceo-of Joby", "JoeBen Bevirt founder-of Joby"});
    CHECK(Triples(Extract("Paylane chief executive and co-founder Jonas Albrecht said the money would fund expansion.")) ==
          std::set<std::string>{"Jonas Albrecht ceo-of Paylane", "Jonas Albrecht founder-of Paylane"});
    const std::set<std::string> gm = Triples(Extract(
        "GM, which bought Cruise in 2016 for about $1 billion and owns a majority of it, named a new president. Mary "
        "Barra, GM's chair and CEO, said the carmaker remained committed to the business."));
    CHECK(gm.count("GM owns-stake Cruise") == 1);
    CHECK(gm.count("Mary Barra ceo-of GM") == 1);
}

TEST_CASE("Leaving: resigning leaves the organization one led, a date after the object is the deal's date") {
    const std::set<std::string> triples = Triples(Extract(
        "Cruise chief executive Kyle Vogt resigns after robotaxi suspension\n\nKyle Vogt, who co-founded self-driving "
        "car company Cruise in 2013 and has run it since 2021, has resigned as chief executive of the General Motors unit."));
    CHECK(triples.count("Kyle Vogt ceo-of Cruise") == 1);
    CHECK(triples.count("Kyle Vogt founder-of Cruise") == 1);
    CHECK_NOFAIL(triples.count("Kyle Vogt leaves Cruise") == 1);  // known miss, see the held-out test
    const DocumentFacts joby =
        Extract("Updated 2 Oct 2024\n\nDelta Air Lines invested $60 million in Joby in 2022 as part of a partnership.");
    const Relation* delta = Find(joby, "Delta Air Lines", "invests-in", "Joby");
    REQUIRE(delta != nullptr);
    CHECK(RelationDate(*delta) == "2022");
}

TEST_CASE("The held-out articles yield their key relations") {
    std::set<std::string> all;
    const Result<std::vector<fs::path>> articles = ListDocuments(fs::path(KGRAPH_TESTS_DIR) / "data" / "heldout");
    REQUIRE(articles.ok());
    REQUIRE(articles->size() == 10);
    std::vector<DocumentFacts> facts;
    for (const fs::path& path : *articles) {
        Result<Document> doc = ReadDocument(path);
        REQUIRE(doc.ok());
        facts.push_back(TheExtractor().Extract(*doc));
    }
    for (const DocumentFacts& f : facts) {
        for (const Relation& r : f.relations) all.insert(r.subject + " " + r.predicate + " " + r.object);
    }
    for (const char* expected : {
             "Nvidia invests-in Intel", "Jensen Huang founder-of Nvidia", "Lip-Bu Tan ceo-of Intel",
             "Volkswagen AG owns-stake Gotion High-Tech", "Li Zhen founder-of Gotion High-Tech", "Herbert Diess ceo-of Volkswagen AG",
             "Walmart Inc leaves DoorDash", "Tony Xu founder-of DoorDash", "DoorDash competes-with Uber Eats",
             "Nordhavn Bank owns-stake Paylane", "Zalando customer-of Paylane", "Mette Kjaer ceo-of Nordhavn Bank",
             "BlackRock Private Equity Partners invests-in Groq", "Jonathan Ross founder-of Groq",
             "Mustafa Suleyman leaves Inflection AI", "Mustafa Suleyman founder-of DeepMind", "Sean White ceo-of Inflection AI",
             "Aravind Srinivas founder-of Perplexity AI", "Jeff Bezos invests-in Perplexity AI",
             "Institutional Venture Partners invests-in Perplexity AI", "Gary Steele ceo-of Splunk",
             "Michael Baum founder-of Splunk", "Cisco competes-with Datadog", "Toyota Motor Corp invests-in Joby Aviation",
             "Stellantis invests-in Archer Aviation", "Honda Motor invests-in Cruise",
             "SoftBank Vision Fund owns-stake Cruise"}) {
        INFO(expected);
        CHECK(all.count(expected) == 1);
    }
    // Known miss: stated only by the headline "Cruise chief executive Kyle
    // Vogt resigns ...", which the parser misreads once a name is one word
    // for it (that trade won 0.026 F1 on knowledgenet-dev).
    CHECK_NOFAIL(all.count("Kyle Vogt leaves Cruise") == 1);
    // Datelines and places: no relation of a city, a news agency or a month.
    for (const char* wrong : {"Santa Clara invests-in Intel", "Sept invests-in Intel", "Copenhagen owns-stake Paylane",
                              "Reuters leaves DoorDash", "Adyen competes-with Italy", "Oct invests-in Joby Aviation"}) {
        INFO(wrong);
        CHECK(all.count(wrong) == 0);
    }
}

// --- Reading documents ---

TEST_CASE("ReadDocument: text, empty, missing, binary, invalid UTF-8") {
    const fs::path text = TempFile("a.txt", "Hello.\n");
    Result<Document> doc = ReadDocument(text);
    REQUIRE(doc.ok());
    CHECK(doc->text == "Hello.\n");
    CHECK(doc->source == text.string());
    CHECK(doc->id == DocumentId("Hello.\n"));

    Result<Document> empty = ReadDocument(TempFile("empty.txt", ""));
    REQUIRE(empty.ok());
    CHECK(empty->text.empty());

    Result<Document> missing = ReadDocument("/nonexistent/kgraph/x.txt");
    CHECK(missing.status().IsNotFound());
    CHECK(missing.status().message().find("/nonexistent/kgraph/x.txt") != std::string::npos);

    Result<Document> binary = ReadDocument(TempFile("bin.txt", std::string("ab\0cd", 5)));
    CHECK(binary.status().IsInvalidArgument());
    CHECK(binary.status().message().find("bin.txt") != std::string::npos);

    std::string warning;
    Result<Document> broken = ReadDocument(TempFile("bad.txt", "caf\xC3 ok \xFF"), &warning);
    REQUIRE(broken.ok());
    CHECK(broken->text == "caf\xEF\xBF\xBD ok \xEF\xBF\xBD");
    CHECK(warning.find("offset 3") != std::string::npos);
}

TEST_CASE("ListDocuments: files in a format kgraph reads sorted, a file as itself, a missing path named") {
    const fs::path dir = fs::temp_directory_path() / "kgraph_test_list";
    fs::remove_all(dir);
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "b.txt") << "b";
    std::ofstream(dir / "sub" / "a.txt") << "a";
    std::ofstream(dir / "c.csv") << "c";
    fs::create_directory_symlink(dir, dir / "sub" / "loop");
    Result<std::vector<fs::path>> listed = ListDocuments(dir);
    REQUIRE(listed.ok());
    CHECK(*listed == std::vector<fs::path>{dir / "b.txt", dir / "sub" / "a.txt"});
    CHECK(*ListDocuments(dir / "c.csv") == std::vector<fs::path>{dir / "c.csv"});
    CHECK(ListDocuments(dir / "none").status().IsNotFound());
}

TEST_CASE("DocumentWalk: the order of sorting every full path, root after root, without a file list") {
    const fs::path dir = fs::temp_directory_path() / "kgraph_test_walk";
    fs::remove_all(dir);
    // Names that sort differently as whole strings than as paths: ' ', '-'
    // and '.' sort before '/', and a folder before the file of the same stem.
    for (const char* file : {"a/x.txt", "a b/w.txt", "a-b/y.txt", "a.c/d/z.txt", "a.txt", "A.txt", "a/x-y.txt"}) {
        fs::create_directories((dir / file).parent_path());
        std::ofstream(dir / file) << "text";
    }
    fs::create_directory_symlink(dir / "a", dir / "a" / "again");
    std::ofstream(dir / "loose.txt") << "a root that is a file";

    const std::vector<fs::path> roots = {dir / "a.c", dir, dir / "loose.txt"};
    const std::vector<fs::path> expected = {
        dir / "a.c/d/z.txt", dir / "A.txt",      dir / "a/x-y.txt",  dir / "a/x.txt",  dir / "a b/w.txt",
        dir / "a-b/y.txt",   dir / "a.c/d/z.txt", dir / "a.txt",     dir / "loose.txt", dir / "loose.txt",
    };
    DocumentWalk walk(roots);
    std::vector<fs::path> walked;
    for (Result<std::optional<fs::path>> file = walk.Next(); file.ok() && *file; file = walk.Next()) walked.push_back(**file);
    CHECK(walked == expected);
    CHECK(*CountDocuments(roots) == expected.size());

    DocumentWalk missing({dir / "a.c", dir / "none"});
    CHECK(**missing.Next() == dir / "a.c/d/z.txt");  // a missing root is reported when its turn comes
    Result<std::optional<fs::path>> none = missing.Next();
    REQUIRE(none.status().IsNotFound());
    CHECK(none.status().message() == (dir / "none").string() + ": no such file or directory");
    CHECK(CountDocuments({dir, dir / "none"}).status().IsNotFound());
}

// --- Rules and schema files ---

TEST_CASE("A malformed rules or schema file is an InvalidArgument naming the file") {
    const fs::path data = fs::path(KGRAPH_SEEDS_DIR).parent_path() / "extract" / "data";
    ExtractorOptions options;
    options.rules_file = TempFile("bad_rules.json", "{\"rules\": [");
    Result<std::unique_ptr<Extractor>> bad = Extractor::Create(options);
    CHECK(bad.status().IsInvalidArgument());
    CHECK(bad.status().message().find("bad_rules.json") != std::string::npos);

    std::ifstream in(data / "rules.json");
    std::string rules((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string unknown_lexicon = rules.substr(0, rules.find("@invest_verb")) + "@no_such_lexicon" +
                                        rules.substr(rules.find("@invest_verb") + 12);
    options.rules_file = TempFile("unknown_lexicon.json", unknown_lexicon);
    Result<std::unique_ptr<Extractor>> unknown = Extractor::Create(options);
    CHECK(unknown.status().IsInvalidArgument());
    CHECK(unknown.status().message().find("no_such_lexicon") != std::string::npos);

    options.rules_file.clear();
    options.schema_file = TempFile("bad_schema.json", "{\"relations\": {\"ceo-of\": {\"domain\": [\"Robot\"]}}}");
    Result<std::unique_ptr<Extractor>> schema = Extractor::Create(options);
    CHECK(schema.status().IsInvalidArgument());
    CHECK(schema.status().message().find("Robot") != std::string::npos);

    options.schema_file = TempFile("bad_former.json", "{\"relations\": {\"ceo-of\": {\"domain\": [\"Person\"], "
                                                      "\"range\": [\"Organization\"], \"former\": \"quits\"}}}");
    Result<std::unique_ptr<Extractor>> former = Extractor::Create(options);
    CHECK(former.status().IsInvalidArgument());
    CHECK(former.status().message().find("'quits'") != std::string::npos);
}

TEST_CASE("An abbreviation such as 'Mr.' does not end a sentence") {
    Explanation explanation;
    Extract("Most recently, Mr. Magerman was the President and CEO of Quickie Manufacturing Corporation.", &explanation);
    REQUIRE(explanation.sentences.size() == 1);
    CHECK(explanation.sentences[0].text.find("Mr. Magerman") != std::string::npos);
}

TEST_CASE("A sentence dense with names is no headline: its capitals still mark names") {
    // Nine of its eleven long words are capitalized, but "subsidiary" and
    // "located" are not, as a title-case headline would write them.
    const DocumentFacts facts =
        Extract("Spitfire Records was a subsidiary of Eagle Rock Entertainment located in New York City, United States.");
    REQUIRE(facts.relations.size() == 1);
    CHECK(facts.relations[0].subject == "Eagle Rock Entertainment");
    CHECK(facts.relations[0].predicate == "owns-stake");
}

TEST_CASE("A long name is one word for the parser: the subsidiary and its parent both found") {
    const DocumentFacts facts = Extract(
        "Royal London Asset Management (RLAM) is a wholly-owned subsidiary of Royal London, the UK's largest mutual "
        "life and pensions company.");
    CHECK(Triples(facts) == std::set<std::string>{"Royal London owns-stake Royal London Asset Management"});
}

TEST_CASE("After a date, a capitalized English word opens a timeline entry, it names nobody") {
    const DocumentFacts facts = Extract(
        "Nov. 17 The board removes its chief executive Nov. 18 Early investor Khosla Ventures says it wants him back "
        "Nov. 19 He discusses a possible return to the company.");
    CHECK(FindEntity(facts, "Early") == nullptr);
    for (const Relation& r : facts.relations) CHECK(r.object != "Early");
}

TEST_CASE("Founding in other words: set up, formed, started, created") {
    CHECK(Triples(Extract("In October 2009 Mike Rollings set up Rollings Butt LLP as a boutique firm of restructuring "
                          "professionals.")) == std::set<std::string>{"Mike Rollings founder-of Rollings Butt LLP"});
    CHECK(Triples(Extract("Susning.nu was a Swedish language wiki, started in October 2001 by Lars Aronsson.")) ==
          std::set<std::string>{"Lars Aronsson founder-of Susning.nu"});
}

// --- Which entities are stored: the real organizations and people, nothing else ---

TEST_CASE("The seeds and three news articles store only their real organizations and people, typed right") {
    // Every organization and person these texts name, read off the texts; a
    // document need not yield all of them, but whatever it stores must be
    // one of them with this type (a person stored as an Organization fails).
    const std::map<std::string, EntityType> real = {
        // seeds
        {"meta", EntityType::kOrganization}, {"meta platforms", EntityType::kOrganization},
        {"scale ai", EntityType::kOrganization}, {"scale", EntityType::kOrganization},
        {"google", EntityType::kOrganization}, {"alphabet", EntityType::kOrganization},
        {"microsoft", EntityType::kOrganization}, {"reuters", EntityType::kOrganization},
        {"openai", EntityType::kOrganization}, {"platformer", EntityType::kOrganization},
        {"bloomberg", EntityType::kOrganization}, {"new york times", EntityType::kOrganization},
        {"google deepmind", EntityType::kOrganization}, {"facebook", EntityType::kOrganization},
        {"anthropic", EntityType::kOrganization}, {"amazon", EntityType::kOrganization},
        {"midjourney", EntityType::kOrganization}, {"disney", EntityType::kOrganization},
        {"nbcu", EntityType::kOrganization}, {"news corp", EntityType::kOrganization},
        {"whatsapp", EntityType::kOrganization}, {"xai", EntityType::kOrganization},
        {"labelbox", EntityType::kOrganization}, {"turing", EntityType::kOrganization},
        {"handshake", EntityType::kOrganization}, {"mercor", EntityType::kOrganization},
        {"xpert.digital", EntityType::kOrganization}, {"multibagger news", EntityType::kOrganization},
        {"alexandr wang", EntityType::kPerson}, {"elton john", EntityType::kPerson},
        {"dua lipa", EntityType::kPerson}, {"jony ive", EntityType::kPerson}, {"musk", EntityType::kPerson},
        {"elon musk", EntityType::kPerson}, {"zuckerberg", EntityType::kPerson},
        {"konrad wolfenstein", EntityType::kPerson}, {"manu sharma", EntityType::kPerson},
        {"jonathan siddharth", EntityType::kPerson}, {"jason droege", EntityType::kPerson},
        // news-dev 101, 103, 107
        {"twitter", EntityType::kOrganization}, {"tesla", EntityType::kOrganization},
        {"spacex", EntityType::kOrganization}, {"parag agrawal", EntityType::kPerson},
        {"ned segal", EntityType::kPerson}, {"vijaya gadde", EntityType::kPerson},
        {"pixar", EntityType::kOrganization}, {"lucasfilm", EntityType::kOrganization},
        {"marvel", EntityType::kOrganization}, {"bob iger", EntityType::kPerson}, {"bob chapek", EntityType::kPerson},
        {"susan arnold", EntityType::kPerson}, {"sam altman", EntityType::kPerson},
        {"greg brockman", EntityType::kPerson}, {"mira murati", EntityType::kPerson},
        {"brad lightcap", EntityType::kPerson}, {"khosla ventures", EntityType::kOrganization},
        {"satya nadella", EntityType::kPerson}, {"twitch", EntityType::kOrganization},
        {"emmett shear", EntityType::kPerson}, {"akash sriram", EntityType::kPerson},
        {"shounak dasgupta", EntityType::kPerson}};
    // Those a document must store, with their relations.
    const std::set<std::string> required = {"meta", "scale ai", "google", "microsoft", "openai", "alexandr wang",
                                            "labelbox", "manu sharma", "turing", "jonathan siddharth",
                                            "jason droege", "twitter", "elon musk", "parag agrawal", "disney",
                                            "bob iger", "bob chapek", "sam altman", "satya nadella"};
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    Result<std::vector<fs::path>> paths = ListDocuments(KGRAPH_SEEDS_DIR);
    REQUIRE(paths.ok());
    const fs::path news = fs::path(KGRAPH_TESTS_DIR) / "eval" / "sets" / "news-dev" / "articles";
    for (const char* article : {"101_musk-completes-twitter-takeover-fires-agrawal.txt",
                                "103_disney-brings-back-iger-chapek-out.txt", "107_openai-ousts-altman-timeline.txt"}) {
        paths->push_back(news / article);
    }
    std::set<std::string> stored;
    for (const fs::path& path : *paths) {
        Result<Document> doc = ReadDocument(path);
        REQUIRE(doc.ok());
        for (const Entity& e : TheExtractor().Extract(*doc).entities) {
            const std::string name = lower(e.name);
            stored.insert(name);
            const auto it = real.find(name);
            INFO(path.filename().string() << ": " << e.name << " (" << EntityTypeName(e.type) << ")");
            CHECK(it != real.end());
            if (it != real.end()) CHECK(it->second == e.type);
        }
    }
    for (const std::string& name : required) {
        INFO(name);
        CHECK(stored.count(name) == 1);
    }
}

TEST_CASE("Names joined by '&' that the splitter cuts leave no '&' at an edge and no entity-less name") {
    // Under AddressSanitizer this sentence read the entity types at index -1.
    const DocumentFacts facts = Extract(
        "Trudie Telesford-Pierre is the Deputy CEO at KCL Capital Market Brokers, sits on the Board of Directors, "
        "serves as the Company’s Corporate Secretary & heads the Risk, Legal & Compliance Division.");
    for (const Entity& e : facts.entities) {
        INFO(e.name);
        CHECK(!e.name.empty());
        CHECK(e.name.front() != '&');
        CHECK(e.name.back() != '&');
    }
    CHECK(Triples(facts).count("Trudie Telesford-Pierre ceo-of KCL Capital Market Brokers") == 1);
}

TEST_CASE("A bare chief-executive title takes the organization of the clause around it") {
    // "CEO Pat Gelsinger" names no company; the clause that reports it does.
    CHECK(Find(Extract("Intel Corp announced that CEO Pat Gelsinger has retired, effective December 1."), "Pat Gelsinger",
               "ceo-of", "Intel Corp") != nullptr);
    CHECK(Find(Extract("Nestle SA is replacing Chief Executive Mark Schneider with long-serving executive Laurent Freixe."),
               "Mark Schneider", "ceo-of", "Nestle SA") != nullptr);
}

TEST_CASE("A title after a comma and a conjunction does not make the name before it a person") {
    // ", and its CEO is stepping down" is a clause of its own, not an
    // apposition: Microsoft stays an organization.
    const DocumentFacts facts = Extract("Activision Blizzard is officially a part of Microsoft, and its CEO is stepping "
                                        "down.\n\nMicrosoft competes with Sony in gaming.");
    const Entity* microsoft = FindEntity(facts, "Microsoft");
    REQUIRE(microsoft != nullptr);
    CHECK(microsoft->type == EntityType::kOrganization);
}

TEST_CASE("A bare name that shortens both a company and a person's full name is the company") {
    // "Hess" is "Hess Corp" without its suffix and John Hess's surname; the
    // company's short form is the surer reading.
    const DocumentFacts facts = Extract(
        "Hess Corp shareholders backed the sale. John Hess, the chief executive, spoke on Tuesday, and John Hess "
        "thanked them. "
        "The case is the final hurdle in Chevron’s $53 billion deal to buy Hess.");
    CHECK(Find(facts, "Chevron", "owns-stake", "Hess Corp") != nullptr);
    CHECK(Find(facts, "Chevron", "owns-stake", "John Hess") == nullptr);
}

TEST_CASE("Co-founders named with 'with', 'alongside' or 'together with' found the organization too") {
    CHECK(Triples(Extract("Markus Persson is a Swedish video game designer who founded the video game company Mojang "
                          "alongside Carl Manneh and Jakob Porser in late 2010.")) ==
          std::set<std::string>{"Markus Persson founder-of Mojang", "Carl Manneh founder-of Mojang",
                                "Jakob Porser founder-of Mojang"});
    const DocumentFacts facts = Extract("Per Gottfrid Svartholm Warg is known as the co-founder of the BitTorrent site "
                                        "The Pirate Bay together with Fredrik Neij and Peter Sunde.");
    CHECK(Find(facts, "Fredrik Neij", "founder-of", "Pirate Bay") != nullptr);
    CHECK(Find(facts, "Peter Sunde", "founder-of", "Pirate Bay") != nullptr);
}

TEST_CASE("A passive participle's agent founds, not the subject of the clause it opens") {
    CHECK(Triples(Extract("Created in 1899 by French engineers Alexandre Giros and Louis Loucheur, VINCI has become the "
                          "largest company in construction.")) ==
          std::set<std::string>{"Alexandre Giros founder-of VINCI", "Louis Loucheur founder-of VINCI"});
}

TEST_CASE("A relative pronoun right after a name and its comma stands for that name") {
    // The parser hung "which was founded by ..." on "publisher", not on Outside.
    CHECK(Find(Extract("He went on to be the founding publisher of Outside, which was founded by Rolling Stone "
                       "publisher Jann Wenner."),
               "Jann Wenner", "founder-of", "Outside") != nullptr);
}

TEST_CASE("A company word ends a name only when capitalized, and a first name before one does not make a person") {
    // "Madison" is a first name, but "Marketing Communications" is a company.
    // ("Laurel", of no known type and an English word, founds nothing: see
    // "A name of no known type made of English words only ...".)
    const DocumentFacts laurel = Extract("When Laurel formed Madison Marketing Communications in 2005, she had several goals.");
    const Entity* firm = FindEntity(laurel, "Madison Marketing Communications");
    REQUIRE(firm != nullptr);
    CHECK(firm->type == EntityType::kOrganization);
    // "brands" in lower case is the common word: "Additional brands" names nothing.
    const DocumentFacts facts = Extract("Forma Brands owns stakes in many labels. Additional brands owned by Forma Brands "
                                        "include Morphe.");
    for (const Entity& e : facts.entities) CHECK(e.name != "Additional brands");
    CHECK(Find(facts, "Forma Brands", "owns-stake", "Additional brands") == nullptr);
}

TEST_CASE("An apposition the parser hung elsewhere still renames the name before it") {
    CHECK(Triples(Extract("The station is owned by Hearst Television, a wholly owned subsidiary of the Hearst "
                          "Corporation.")) == std::set<std::string>{"Hearst Corporation owns-stake Hearst Television"});
}

TEST_CASE("A subsidiary company, and a subsidiary named before the word") {
    CHECK(Triples(Extract("Menzies Wealth Management is a subsidiary company of the Menzies Group, providing independent "
                          "financial planning advice.")) ==
          std::set<std::string>{"Menzies Group owns-stake Menzies Wealth Management"});
    CHECK(Triples(Extract("The station is owned by the CBS Television Stations subsidiary of CBS Corporation.")) ==
          std::set<std::string>{"CBS Corporation owns-stake CBS Television Stations"});
}

TEST_CASE("A middle initial neither ends the sentence nor the name") {
    Explanation explanation;
    const DocumentFacts facts =
        Extract("Falcon International Bank is headed by Adolfo E. Gutierrez, its chief executive officer.", &explanation);
    CHECK(explanation.sentences.size() == 1);
    CHECK(Find(facts, "Adolfo E. Gutierrez", "ceo-of", "Falcon International Bank") != nullptr);
}

TEST_CASE("A name joined by '&' is a firm, whatever first name it opens with") {
    CHECK(Triples(Extract("John F. Lundgren is CEO and Chairman of Stanley Black & Decker, a position he has held since "
                          "March 1, 2004.")) == std::set<std::string>{"John F. Lundgren ceo-of Stanley Black & Decker"});
}

TEST_CASE("What has a chairman or a chief executive is an organization") {
    // Nothing else says what QP is; "QP's chairman" does.
    CHECK(Find(Extract("QP's chairman is Mohammed Bin Saleh Al-Sada, Minister of Energy and Industry, and the chief "
                       "executive officer is Saad Sherida Al Kaabi."),
               "Saad Sherida Al Kaabi", "ceo-of", "QP") != nullptr);
}

TEST_CASE("A title with an article of its own shares nothing with the noun it is coordinated with") {
    // "a Maldivian economist and the CEO of ...": the CEO is not of "Maldivian".
    const DocumentFacts facts =
        Extract("Ahmed Naseer is a Maldivian economist and the CEO of the Capital Market Development Authority.");
    for (const Relation& r : facts.relations) CHECK(r.object != "Maldivian");
}

TEST_CASE("The maker of a product is the sentence's organization, not the product") {
    CHECK(Triples(Extract("Shares at the maker of KitKat chocolate bars and Nestle instant coffee have fallen 8% in 2024, "
                          "underperforming rivals like Unilever which have gained 29%.")) ==
          std::set<std::string>{"Nestle competes-with Unilever"});
}

TEST_CASE("A possessive after 'and' opens a phrase of its own, not a second object") {
    const DocumentFacts facts = Extract(
        "The deal is among the top 10 biggest acquisitions in 2020, trumped by multibillion-dollar deals like S&P Global’s "
        "$44 billion purchase of IHS Markit and AMD’s $35 billion purchase of Xilinx.");
    CHECK(Find(facts, "S&P Global", "owns-stake", "IHS Markit") != nullptr);
    CHECK(Find(facts, "AMD", "owns-stake", "Xilinx") != nullptr);
    CHECK(Find(facts, "S&P Global", "owns-stake", "AMD") == nullptr);
    CHECK(Find(facts, "S&P Global", "invests-in", "AMD") == nullptr);
}

TEST_CASE("A first name alone before 'and' and a full name shares its surname") {
    CHECK(Triples(Extract("The Gates Foundation was founded in 2000 by Bill and Melinda Gates.")) ==
          std::set<std::string>{"Bill Gates founder-of Gates Foundation", "Melinda Gates founder-of Gates Foundation"});
}

TEST_CASE("A founding member or chair is a founder") {
    CHECK(Triples(Extract("Norma Alvares is an Indian social worker, environmental activist, lawyer and a founding member "
                          "of Goa Foundation, an environmental action group.")) ==
          std::set<std::string>{"Norma Alvares founder-of Goa Foundation"});
}

TEST_CASE("A name that ends in a place is no person, whatever first name it opens with") {
    CHECK(Triples(Extract("Philip Morris USA competes with Reynolds American in the cigarette market.")) ==
          std::set<std::string>{"Philip Morris USA competes-with Reynolds American"});
}

TEST_CASE("A hyphenated word reaches the parser as the word it ends with") {
    // Read whole, the unseen "co-founder" left the list of what she is without
    // its last member.
    CHECK(Triples(Extract("Maddy Dychtwald is the wife of Ken Dychtwald and an author of three books, a speaker, and the "
                          "co-founder of Age Wave.")) == std::set<std::string>{"Maddy Dychtwald founder-of Age Wave"});
}

TEST_CASE("A hyphenated word reaches the parser as the word it ends with: a list of founders") {
    CHECK(Triples(Extract("She is best known as a member of the pop-rock band The Corrs, which she co-founded in 1990 with "
                          "her elder brother Jim and younger sisters Caroline and Andrea.")) ==
          std::set<std::string>{"Jim founder-of Corrs", "Caroline founder-of Corrs", "Andrea founder-of Corrs"});
}

TEST_CASE("A first name alone is a person's name") {
    const DocumentFacts facts =
        Extract("Michael co-founded and served on the board of directors for Address.com, a leading free email service.");
    const Entity* michael = FindEntity(facts, "Michael");
    REQUIRE(michael != nullptr);
    CHECK(michael->type == EntityType::kPerson);
}

TEST_CASE("A rarer first name opens a person's name, and shares its surname") {
    CHECK(Triples(Extract("Mielle was founded in 2014 by Monique and Melvin Rodriguez.")) ==
          std::set<std::string>{"Monique Rodriguez founder-of Mielle", "Melvin Rodriguez founder-of Mielle"});
}

TEST_CASE("A rarer first name opening a name that ends in an English word makes no person") {
    CHECK(Triples(Extract("Sloane was founder of the Chelsea Physic Garden and originator of the British Museum.")) ==
          std::set<std::string>{"Sloane founder-of Chelsea Physic Garden"});
}

TEST_CASE("Coordinated titles before a name are all the person's") {
    const DocumentFacts facts = Extract(
        "Following a surprise ouster, OpenAI co-founder and former CEO Sam Altman joined Microsoft as the head of "
        "artificial intelligence research.");
    CHECK(Find(facts, "Sam Altman", "founder-of", "OpenAI") != nullptr);
    CHECK(Find(facts, "Sam Altman", "ceo-of", "OpenAI") != nullptr);
}

TEST_CASE("A company word opens a name when 'of' and a name follow it") {
    CHECK(Triples(Extract("GSB Mortgage, Inc. is a wholly owned subsidiary of Bank of the West.")) ==
          std::set<std::string>{"Bank of the West owns-stake GSB Mortgage, Inc"});
    const DocumentFacts facts = Extract("He sold the unit to Bank of America in 2005.");
    CHECK(FindEntity(facts, "Bank of America") != nullptr);
}

TEST_CASE("A name read as a compound of the noun phrase after its comma is that phrase's apposition") {
    CHECK(Triples(Extract("RoyaltyShare is a subsidiary of The Orchard, a pioneering independent film, TV and music "
                          "distribution company that operates in over 25 global markets.")) ==
          std::set<std::string>{"Orchard owns-stake RoyaltyShare"});
}

TEST_CASE("A first name alone opening a clause is its subject, not a capitalized word") {
    CHECK(Triples(Extract("Matt established Low Cost Vans Bristol Ltd in 2003, having worked in the motortrade for 15 years.")) ==
          std::set<std::string>{"Matt founder-of Low Cost Vans Bristol Ltd"});
    const DocumentFacts question = Extract("Will the deal with Toyota close this year?");
    CHECK(FindEntity(question, "Will") == nullptr);
}

TEST_CASE("A participle's agent behind a title founds the predicate noun's subject") {
    CHECK(Triples(Extract("The Progressive Party was a third party in the United States formed in 1912 by former President "
                          "Theodore Roosevelt after he lost the presidential nomination of the Republican Party.")) ==
          std::set<std::string>{"Theodore Roosevelt founder-of Progressive Party"});
}

TEST_CASE("A capitalized 'One' after a company word is part of the name") {
    CHECK(Triples(Extract("Capital One Financial has concluded the $35.3bn acquisition of US-based Discover Financial "
                          "Services.")) == std::set<std::string>{"Capital One Financial owns-stake Discover Financial Services",
                                                                  "Capital One Financial invests-in Discover Financial Services"});
    CHECK(Triples(Extract("Capital One founder and CEO Richard Fairbank said the deal brings together two companies.")) ==
          std::set<std::string>{"Richard Fairbank founder-of Capital One", "Richard Fairbank ceo-of Capital One"});
}

TEST_CASE("A title that ends its noun phrase is a noun, whatever the treebank says of 'executive'") {
    CHECK(Triples(Extract("James J. Morgan is a former American executive who served as CEO of Atari from 1983 to 1984.")) ==
          std::set<std::string>{"James J. Morgan ceo-of Atari"});
}

TEST_CASE("A clause coordinated with a name lends the name's title to no one in it") {
    CHECK(Triples(Extract("Clash: BHP boss Mike Henry, left, and his Anglo counterpart Duncan Wanblad, right, are due to "
                          "cross paths at a mining conference in Miami")) ==
          std::set<std::string>{"Mike Henry ceo-of BHP"});
}

TEST_CASE("A name, a comma and 'who' open a relative clause however the parser hangs it") {
    const DocumentFacts facts = Extract(
        "Sergio Ermotti was chief executive of UBS. Sergio Ermotti, who stepped down in 2020, will rejoin the Swiss bank as "
        "it prepares to absorb its troubled rival.");
    CHECK(Find(facts, "Sergio Ermotti", "leaves", "UBS") != nullptr);
}

TEST_CASE("The CEO of an organization, then the person's name between commas") {
    CHECK(Triples(Extract("In August 2014, the CEO of WTC, Andrew Messick, announced that Ironman Lake Placid would be "
                          "among the list of North American races that would no longer offer a pro purse prize in 2015.")) ==
          std::set<std::string>{"Andrew Messick ceo-of WTC"});
}

TEST_CASE("A dash inside brackets after a name is a range of dates, not a dateline's end") {
    CHECK(Triples(Extract("Charles A. Agemian (July 22, 1909 – March 30, 1996) was an American banker who took early "
                          "retirement from Chase Manhattan Bank to become chairman and chief executive officer of the "
                          "Hackensack Trust Co.")) == std::set<std::string>{"Charles A. Agemian ceo-of Hackensack Trust Co"});
}

TEST_CASE("A middle initial that is also the article 'A' stays inside the name") {
    const DocumentFacts facts = Extract("Charles A. Agemian was an American banker who led the Hackensack Trust Co.");
    CHECK(FindEntity(facts, "Charles A. Agemian") != nullptr);
    CHECK(FindEntity(facts, "Agemian") == nullptr);
}

TEST_CASE("A predicate noun coordinated with a passive clause shares its subject") {
    CHECK(Triples(Extract("Power Products Unlimted Inc. is proudly located in Spokane, WA and is the parent company for "
                          "Diesel Power Products and Offroad Power Products.")) ==
          std::set<std::string>{"Power Products Unlimted Inc owns-stake Diesel Power Products",
                                "Power Products Unlimted Inc owns-stake Offroad Power Products"});
}

TEST_CASE("A pronoun in a reported clause stands for the subject of the clause that reports it") {
    CHECK(Triples(Extract("In April 2004, Rockstar Games parent company, Take-Two Interactive, announced that it had "
                          "acquired Mobious Entertainment.")) ==
          std::set<std::string>{"Take-Two Interactive owns-stake Mobious Entertainment",
                                "Take-Two Interactive invests-in Mobious Entertainment"});
}

TEST_CASE("Capitals joined by '&' are one name though the first is a preposition") {
    CHECK(Triples(Extract("T-Mobile US announced that it has completed its merger with Sprint taking on bigger rivals AT&T "
                          "and Verizon.")) ==
          std::set<std::string>{"AT&T competes-with T-Mobile", "T-Mobile competes-with Verizon"});  // symmetric: names in order
}

TEST_CASE("A noun is named by the clause that calls it something") {
    CHECK(Triples(Extract("However, during this time, Muffler City expanded so well that in September 1990, Jackie started "
                          "another business, which he called Tire City, in another Princeton location.")) ==
          std::set<std::string>{"Jackie founder-of Tire City"});
}

TEST_CASE("A customer that drops a supplier in favor of another becomes the other's customer") {
    const DocumentFacts facts = Extract(
        "This is the second time in five months that PepsiCo has lost a major hospitality client to Coca-Cola – in August, "
        "Norwegian Cruise Line dropped PepsiCo’s beverage line from its ships in favor of Coca-Cola’s drinks.");
    CHECK(Find(facts, "Norwegian Cruise Line", "customer-of", "Coca-Cola") != nullptr);
    CHECK(Find(facts, "Norwegian Cruise Line", "leaves", "PepsiCo") != nullptr);
    CHECK(Find(facts, "Norwegian Cruise Line", "leaves", "Coca-Cola") == nullptr);
}

TEST_CASE("A participle coordinated with a noun's other modifiers founds that noun's name") {
    const DocumentFacts facts = Extract(
        "The Wrap News, Inc. is backed by Maveron, a venture capital firm based in Seattle, Washington and co-founded by "
        "Starbucks CEO Howard Schultz and Dan Levitan.");
    CHECK(Find(facts, "Howard Schultz", "founder-of", "Maveron") != nullptr);
    CHECK(Find(facts, "Dan Levitan", "founder-of", "Maveron") != nullptr);
}

TEST_CASE("A title in the singular before a name describes that name, not the names coordinated with it") {
    const DocumentFacts facts = Extract(
        "The Wrap News, Inc. is backed by Maveron, a venture capital firm based in Seattle, Washington and co-founded by "
        "Starbucks CEO Howard Schultz and Dan Levitan.");
    CHECK(Find(facts, "Howard Schultz", "ceo-of", "Starbucks") != nullptr);
    CHECK(Find(facts, "Dan Levitan", "ceo-of", "Starbucks") == nullptr);
}

TEST_CASE("A succession gives the title to the person succeeded as well as to the successor") {
    CHECK(Triples(Extract("Tim Cook succeeded Steve Jobs as chief executive of Apple in August 2011.")) ==
          std::set<std::string>{"Tim Cook ceo-of Apple", "Steve Jobs ceo-of Apple", "Steve Jobs leaves Apple"});
    CHECK(Triples(Extract("In August, Starbucks named Brian Niccol as chief executive, replacing Laxman Narasimhan.")) ==
          std::set<std::string>{"Brian Niccol ceo-of Starbucks", "Laxman Narasimhan ceo-of Starbucks",
                                "Laxman Narasimhan leaves Starbucks"});
    CHECK(Triples(Extract("Satya Nadella became chief executive of Microsoft in 2014, succeeding Steve Ballmer.")) ==
          std::set<std::string>{"Satya Nadella ceo-of Microsoft", "Steve Ballmer ceo-of Microsoft",
                                "Steve Ballmer leaves Microsoft"});
}

TEST_CASE("A holder of a bare percentage holds it in the company the paragraph is about") {
    const DocumentFacts facts = Extract(
        "STC Group, the leading Saudi Arabian investor, has acquired a 9.9% stake in Telefónica for a total of 2.1 "
        "billion euros. The dividend paid by Telefónica is its main attraction, he added. The Saudi operator becomes "
        "the largest shareholder in the company, ahead of BBVA, which has 4.87% of the economic rights, the US fund manager Blackrock, which holds "
        "4.48%, and CaixaBank, which has 3.5%.");
    for (const char* holder : {"BBVA", "Blackrock", "CaixaBank"}) {
        INFO(holder);
        CHECK(Find(facts, holder, "owns-stake", "Telefónica") != nullptr);
    }
    // "held the CEO role" holds no percentage: the trigger is the percentage, not the verb.
    CHECK(Triples(Extract("Bob Iger, who held the CEO role for 15 years at Disney, had favored Bob Chapek as his "
                          "successor.")).count("Bob Iger owns-stake Disney") == 0);
}

TEST_CASE("A rival before the common noun that describes a name makes that name a rival") {
    CHECK(Triples(Extract("Aviva has agreed a deal to buy rival company Direct Line for £3.7 billion before the "
                          "Christmas Day deadline.")).count("Aviva competes-with Direct Line") == 1);
    // The same modifier before a noun that describes no name says nothing of a rival.
    CHECK(Triples(Extract("Aviva said rival company executives had met in London.")).count("Aviva competes-with London") ==
          0);
}

TEST_CASE("A subsidiary the parser reads as an adjective before a name still makes it one") {
    CHECK(Triples(Extract("He has eight years of experience in the salmon letting business, both as CEO of FishPal and "
                          "via FishPal's subsidiary Tweed Salmon Fishings, which was letting agent for 15 beats."))
              .count("FishPal owns-stake Tweed Salmon Fishings") == 1);
}

TEST_CASE("A legal form after a comma ends the name before it") {
    const DocumentFacts facts = Extract(
        "Anthony M. Fischetti is the CEO of Pharmaceutical Search Professionals, Inc. and owns Budget Carrier, LLC, "
        "which was sold to Guangzhou Automobile Group Co., Ltd in 2009.");
    std::set<std::string> names;
    for (const Entity& e : facts.entities) names.insert(e.name);
    for (const char* name : {"Pharmaceutical Search Professionals, Inc", "Budget Carrier, LLC",
                             "Guangzhou Automobile Group Co., Ltd"}) {
        INFO(name);
        CHECK(names.count(name) == 1);
    }
    CHECK(Triples(facts).count("Anthony M. Fischetti ceo-of Pharmaceutical Search Professionals, Inc") == 1);
    // A capitalized word after a comma that is no legal form starts a name of its own.
    CHECK(Triples(Extract("Aeroflot bought Budget Carrier, Bank of America said.")).count("Aeroflot owns-stake Budget Carrier") ==
          1);
}

TEST_CASE("A stake held with no company named is a stake in the company the paragraph is about") {
    const DocumentFacts facts = Extract(
        "Blackstone Inc. agreed to buy a majority stake in sandwich chain Jersey Mike’s.\n"
        "Peter Cancro, Jersey Mike’s founder and chief executive officer, will maintain a significant equity stake and "
        "continue to lead the business, according to a statement on Tuesday.");
    CHECK(Find(facts, "Peter Cancro", "owns-stake", "Jersey Mike") != nullptr);  // the name without its "’s"
    // "a minority position" is no stake of that kind: the paragraph's company is not guessed for it.
    CHECK(Triples(Extract("Meta is spending billions on AI.\nMicrosoft recently invested 13 billion dollars in OpenAI "
                          "while also maintaining a minority position."))
              .count("Microsoft owns-stake Meta") == 0);
}

TEST_CASE("A function word in capitals before a name's word opens the name") {
    const DocumentFacts facts = Extract("In 2019, Bliss World was acquired by AS Beauty. In 2021 US Steel acquired Big River Steel.");
    std::set<std::string> names;
    for (const Entity& e : facts.entities) names.insert(e.name);
    CHECK(names.count("AS Beauty") == 1);
    CHECK(Triples(facts).count("AS Beauty owns-stake Bliss World") == 1);
    CHECK(Triples(facts).count("US Steel owns-stake Big River Steel") == 1);
}

TEST_CASE("A clause coordinated with a subject of its own shares no argument with the clause before") {
    const std::set<std::string> triples =
        Triples(Extract("In 2019, Bliss World was acquired by AS Beauty, and US Steel bought a plant in Arkansas."));
    CHECK(triples.count("AS Beauty owns-stake Bliss World") == 1);
    CHECK(triples.count("US Steel owns-stake Bliss World") == 0);
}

TEST_CASE("A demonym of two words and a capital city are places, never parties to a relation") {
    const std::set<std::string> triples = Triples(
        Extract("STC Group, the leading Saudi Arabian investor, has acquired a 9.9% stake in Telefónica. Anglo American "
                "faces a backlash from the government in Pretoria, which is Anglo’s second biggest shareholder."));
    CHECK(triples.count("STC Group owns-stake Telefónica") == 1);
    CHECK(triples.count("STC Group invests-in Saudi Arabian") == 0);
    CHECK(triples.count("Pretoria owns-stake Anglo American") == 0);
}

TEST_CASE("Challenging, tackling or taking on a company is competing with it") {
    CHECK(Triples(Extract("Perplexity AI, the AI-powered search engine that is challenging Google, has raised $500 "
                          "million in a funding round led by Institutional Venture Partners."))
              .count("Google competes-with Perplexity AI") == 1);
}

TEST_CASE("An organization's chief before a name is its chief executive, a chief of something else is not") {
    CHECK(Triples(Extract("Anglo American chief Duncan Wanblad said the company would not sell its coal unit."))
              .count("Duncan Wanblad ceo-of Anglo American") == 1);
    CHECK(Triples(Extract("Anglo American chief financial officer John Heasley said the company would not sell."))
              .count("John Heasley ceo-of Anglo American") == 0);
    CHECK(Triples(Extract("Anglo American chief economist Jane Doe said prices would rise."))
              .count("Jane Doe ceo-of Anglo American") == 0);
}

TEST_CASE("An organization before the title of a name, its abbreviation stop included, is the title's organization") {
    const std::set<std::string> triples =
        Triples(Extract("Chevron Corp. Chief Executive Officer Mike Wirth reiterated his support for Hess Corp. in its "
                        "arbitration battle with Exxon Mobil Corp. over disagreements about Guyana’s massive oil field."));
    CHECK(triples.count("Mike Wirth ceo-of Chevron Corp") == 1);
    CHECK(triples.count("Mike Wirth ceo-of Hess Corp") == 0);
}

TEST_CASE("'She' with no person's name near stands for the name of no known type before it") {
    CHECK(Triples(Extract("In 1978 Lilia became the first African American to start an environmental engineering firm "
                          "when she founded and became CEO of PEER Consultants, PC."))
              .count("Lilia ceo-of PEER Consultants, PC") == 1);
    // A name known to be a person's near comes first.
    CHECK(Triples(Extract("Zentrix hired Maria Lopez in 2019, and she became CEO of Zentrix in 2021."))
              .count("Maria Lopez ceo-of Zentrix") == 1);
}

TEST_CASE("A founding chief executive is a chief executive, and the founder coordinated with the title shares its company") {
    const std::set<std::string> triples = Triples(Extract(
        "Mohan was the founder and founding CEO of BioImagene, a leader in Digital Pathology that was acquired by Roche "
        "in 2010 for $100M."));
    CHECK(triples.count("Mohan founder-of BioImagene") == 1);
    CHECK(triples.count("Mohan ceo-of BioImagene") == 1);
}

TEST_CASE("A percentage written as the British press writes it is a percentage") {
    for (const char* text : {"Deutsche Telekom, which holds a 12pc stake in BT, declined to comment.",
                             "Deutsche Telekom, which holds a 12 pc stake in BT, declined to comment."}) {
        INFO(text);
        const DocumentFacts facts = Extract(text);
        const Relation* r = Find(facts, "Deutsche Telekom", "owns-stake", "BT");
        REQUIRE(r != nullptr);
        REQUIRE(r->evidence[0].percent.has_value());
        CHECK(*r->evidence[0].percent == Approx(12));
    }
}

TEST_CASE("A stake disclosed is a stake held, with its percentage") {
    const DocumentFacts facts = Extract("It began on April 4, when Elon Musk disclosed a 9.2 percent stake in Twitter, "
                                        "making him its largest shareholder.");
    const Relation* r = Find(facts, "Elon Musk", "owns-stake", "Twitter");
    REQUIRE(r != nullptr);
    const auto with_percent = std::find_if(r->evidence.begin(), r->evidence.end(),
                                           [](const Evidence& e) { return e.percent.has_value(); });
    REQUIRE(with_percent != r->evidence.end());
    CHECK(*with_percent->percent == Approx(9.2));
}

TEST_CASE("A firm's first word, when it is no English word, is a short form of the firm's name") {
    const DocumentFacts facts =
        Extract("Exxon Mobil Corp. has a right of first refusal over Hess Corp. assets. Exxon competes with Chevron in "
                "Guyana.");
    CHECK(Triples(facts).count("Chevron competes-with Exxon Mobil Corp") == 1);
    for (const Entity& e : facts.entities) CHECK(e.name != "Exxon");
}

TEST_CASE("A name in capitals that spells a longer name's initials is its short form") {
    const DocumentFacts facts = Extract(
        "Advanced Micro Devices agreed to buy Xilinx for $35 billion. AMD has long been a rival of Intel.");
    for (const Entity& e : facts.entities) CHECK(e.name != "AMD");
    CHECK(Triples(facts).count("Advanced Micro Devices competes-with Intel") == 1);
}

TEST_CASE("The amount of an acquisition is the deal the buying happens in or is paid for") {
    const DocumentFacts facts = Extract(
        "The American grocer Kroger has agreed to buy its rival Albertsons in a $24.6 billion attempt to tackle Walmart.");
    const Relation* r = Find(facts, "Kroger", "invests-in", "Albertsons");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence[0].amount.has_value());
    CHECK(r->evidence[0].amount->value == Approx(24.6e9));
}

TEST_CASE("Capitals joined by '&' spell the initials of the name they stand for, whichever comes first") {
    const DocumentFacts facts = Extract(
        "This week, P&G acquired a buzzy beauty brand. Procter & Gamble said it bought Mielle Organics, which P&G "
        "will run.");
    for (const Entity& e : facts.entities) CHECK(e.name != "P&G");
    CHECK(Triples(facts).count("Procter & Gamble owns-stake Mielle Organics") == 1);
}

TEST_CASE("A title whose own 'of' phrase names no entity borrows neither its conjunct's company nor the topic") {
    const DocumentFacts facts = Extract(
        "Vahid Ebadat is the Chief Technical Officer of Chilworth Technology and Chief Executive Officer of Chilworth "
        "Asia Pacific.");
    CHECK(Find(facts, "Vahid Ebadat", "ceo-of", "Chilworth Technology") == nullptr);
    // A common noun leaves the argument to the context as before.
    CHECK(Find(Extract("Activision Blizzard CEO Bobby Kotick announced his resignation as CEO on Tuesday."),
               "Bobby Kotick", "leaves", "Activision Blizzard") != nullptr);
}

TEST_CASE("A bare title on the agent of a passive names the chief of that passive's subject") {
    CHECK(Find(Extract("BTC is led by Mr. Leonard Tharpe, President and Chief Executive Officer."), "Leonard Tharpe",
               "ceo-of", "BTC") != nullptr);
}

TEST_CASE("A name ending in a word of a line of business is an organization, the topic a title falls back on") {
    CHECK(Find(Extract("Ikos Resorts is backed by at team headed by CEO Achilleas Dorotheou."), "Achilleas Dorotheou",
               "ceo-of", "Ikos Resorts") != nullptr);
}

TEST_CASE("The name after an honorific and its stop is a person's, in the same sentence") {
    CHECK(Triples(Extract("The Oak Park Veterinary Clinic was started in 1983 by Dr. Bonnie Snyder.")) ==
          std::set<std::string>{"Bonnie Snyder founder-of Oak Park Veterinary Clinic"});
}

TEST_CASE("'for' after an institution's head word joins the name, as 'of' does") {
    const DocumentFacts facts = Extract(
        "He worked with Jean Piaget in Geneva and later co-founded the Institute for Cognitive Studies at Rutgers with "
        "Dorothy Dinnerstein.");
    std::set<std::string> names;
    for (const Entity& e : facts.entities) names.insert(e.name);
    CHECK(names.count("Institute for Cognitive Studies") == 1);
}

TEST_CASE("A relative clause after a city and its region is about the name before the city") {
    CHECK(Triples(Extract("Sally Breen is the CEO of Freshwater Pictures, based in Brisbane, Queensland, which she "
                          "founded in 2001.")) ==
          std::set<std::string>{"Sally Breen ceo-of Freshwater Pictures", "Sally Breen founder-of Freshwater Pictures"});
}

TEST_CASE("A compound ending in a past participle before a noun modifies it: 'wholly-owned subsidiary' states no owning") {
    CHECK(Triples(Extract("Satair Group is a 100% stand-alone company and wholly-owned subsidiary of Airbus S.A.S.")) ==
          std::set<std::string>{"Airbus S.A.S owns-stake Satair Group"});
}

TEST_CASE("A noun's infinitive is done by the subject of the verb the noun is an oblique of") {
    CHECK(Triples(Extract("The American grocer Kroger has agreed to buy its rival Albertsons in a $24.6 billion attempt "
                          "to tackle Walmart."))
              .count("Kroger competes-with Walmart") == 1);
}

TEST_CASE("Goods bought from a company make the buyer its customer") {
    const std::set<std::string> triples = Triples(Extract(
        "Gotion will become a certified supplier to Volkswagen, which has been buying cells from LG Chem and Samsung SDI "
        "as well as from CATL."));
    CHECK(triples.count("Volkswagen customer-of LG Chem") == 1);
    CHECK(triples.count("Volkswagen customer-of CATL") == 1);
}

TEST_CASE("'&' before a company word joins the name, and the person it is named after stays a person") {
    CHECK(Triples(Extract("Rebecca Kraus is founder and President of Rebecca Kraus & Associates LLC, Grosse Pointe, "
                          "Michigan.")) ==
          std::set<std::string>{"Rebecca Kraus founder-of Rebecca Kraus & Associates LLC"});
}

TEST_CASE("A company that is someone's creation or brainchild was founded by them, fronted or not") {
    CHECK(Triples(Extract("ENDIGO RAE is a creation of Rachael Alexander and she seeks to create art and share art that "
                          "is of quality and inspires.")) ==
          std::set<std::string>{"Rachael Alexander founder-of ENDIGO RAE"});
    CHECK(Triples(Extract("The brainchild of founder Adrian Ashby, Bristol Volksfest started as a hobby, creating an "
                          "opportunity for like minded VDub enthusiasts to come along."))
              .count("Adrian Ashby founder-of Bristol Volksfest") == 1);
}

TEST_CASE("A title in apposition to the first of two coordinated names describes that name alone") {
    CHECK(Triples(Extract("Falcon International Bank is headed by Adolfo E. Gutierrez, the Chairman of the Board and "
                          "Chief Executive Officer, and Gilbert Narvaez, Jr., the current President and Chief "
                          "Operations Officer.")) ==
          std::set<std::string>{"Adolfo E. Gutierrez ceo-of Falcon International Bank"});
}

TEST_CASE("Promoted to a title: the passive subject holds it, also through a coordinated passive") {
    CHECK(Triples(Extract("In 2009, Brandt was elected to Pinnacle West’s board of directors and promoted to Chairman, "
                          "President and CEO of Pinnacle West and Chairman and CEO of APS.")) ==
          std::set<std::string>{"Brandt ceo-of Pinnacle West", "Brandt ceo-of APS"});
}

TEST_CASE("A title's company named in quotes after a description of it") {
    CHECK(Triples(Extract("Vitrenko Yuriy Yuriyovytch (born on 17 September 1976 in Kyiv, Ukraine) is a Ukrainian "
                          "economist, CEO of the investment company \"AYA Capital\"."))
              .count("Vitrenko Yuriy Yuriyovytch ceo-of AYA Capital") == 1);
}

TEST_CASE("A generation after a comma is part of the name, and the apposition after it is the name's") {
    CHECK(Triples(Extract("The firm was founded in 2006 by Hugh McColl, Jr., the former Chairman and CEO of Bank of "
                          "America, and Marc Oken, the former CFO of Bank of America."))
              .count("Hugh McColl, Jr ceo-of Bank of America") == 1);
    // "SED is a division of Calian Ltd., a subsidiary of ...": the apposition past a legal form's stop.
    CHECK(Triples(Extract("SED is a division of Calian Ltd., a subsidiary of Calian Technologies Ltd.")) ==
          std::set<std::string>{"Calian Ltd owns-stake SED", "Calian Technologies Ltd owns-stake Calian Ltd"});
}

TEST_CASE("A title phrase opening the sentence describes the clause's subject, wherever it stands") {
    CHECK(Triples(Extract("The former President and CEO of Dell Inc., in 2006 Rollins was named by London's CBR as the "
                          "9th Most Influential person in the Enterprise IT sector."))
              .count("Rollins ceo-of Dell Inc") == 1);
}

TEST_CASE("A person who takes over a company in a token pattern's reach takes its helm, not its shares") {
    const std::set<std::string> triples = Triples(Extract(
        "AMD has grown under its chief. Since Chief Executive Lisa Su took over AMD in 2014, its shares have risen."));
    CHECK(triples.count("Lisa Su owns-stake AMD") == 0);
    CHECK(triples.count("Lisa Su invests-in AMD") == 0);
    // The clause of the name after the title is no relative clause on the
    // title, and the chief who takes over a company heads it.
    CHECK(triples.count("Lisa Su ceo-of AMD") == 1);
    CHECK(Triples(Extract("In 2019, Bliss World was acquired by AS Beauty. In 2021 US Steel took over Big River Steel."))
              .count("US Steel owns-stake Big River Steel") == 1);
}

TEST_CASE("Established or working as a subsidiary: the passive subject, or the noun the participle describes, is the unit") {
    CHECK(Triples(Extract("The College of Traditional Chinese Medicine is a degree awarding college working as a "
                          "subsidiary of the Xinjiang Medical University, is the only autonomous institution of a "
                          "higher Chinese medicine study in Urumqi."))
              .count("Xinjiang Medical University owns-stake College of Traditional Chinese Medicine") == 1);
    // The name finder cuts both names short ("al Harbi group", "Saudi marble & granite Factory Company"): the
    // parent is the name compounded on the common noun of the "of" phrase.
    CHECK(Triples(Extract("Saudi marble & granite Factory Company was established in 1991 as a subsidiary of al Harbi "
                          "group, a pioneer in Saudi Arabia's mining and construction sectors."))
              .count("Harbi owns-stake Factory Company") == 1);
    CHECK(Triples(Extract("FUJIFILM North America Corporation, a marketing subsidiary of FUJIFILM Holdings America "
                          "Corporation consists of four operating divisions and one subsidiary company."))
              .count("FUJIFILM Holdings America Corporation owns-stake FUJIFILM North America Corporation") == 1);
}

TEST_CASE("Serving as a company's parent company: the subject is the parent") {
    CHECK(Triples(Extract("Education Management Corporation (EDMC) has served as the University's parent company "
                          "since December 2001."))
              .count("Education Management Corporation owns-stake University") == 1);
}

TEST_CASE("'Subsidiary' read as an adjective takes its parent as an oblique 'of' phrase") {
    CHECK(Triples(Extract("SMA America, Inc. is the U.S. subsidiary of SMA Solar Technology AG, based in Germany.")) ==
          std::set<std::string>{"SMA Solar Technology AG owns-stake SMA America, Inc"});
}

TEST_CASE("'and a subsidiary of' hung on the participle describing the predicate or apposition noun") {
    // The parser coordinates the subsidiary with the last participle ("headquartered", "cleaning"), not with the
    // noun that participle describes.
    CHECK(Triples(Extract("GAC Group (officially Guangzhou Automobile Group Co., Ltd) is a Chinese automobile maker "
                          "headquartered in Guangzhou, Guangdong, and a subsidiary of Guangzhou Automobile Industry "
                          "Group."))
              .count("Guangzhou Automobile Industry Group owns-stake GAC Group") == 1);
    CHECK(Triples(Extract("Most recently, Mr. Magerman was the President and CEO of Quickie Manufacturing Corporation, "
                          "the largest manufacturer of cleaning tools in North American and a wholly-owned subsidiary "
                          "of Jarden Corporation."))
              .count("Jarden Corporation owns-stake Quickie Manufacturing Corporation") == 1);
}

TEST_CASE("Owned or controlled by a common noun with a name compounded on it: the name is the owner") {
    // The name finder reads "the Irish Dairy Board" as "Irish Dairy" + "Board" and keeps "Parent" in the name of
    // the unit: whatever the names, the owner is the Irish Dairy (Board) and the unit DPI Specialty Foods.
    const DocumentFacts facts = Extract("Parent DPI Specialty Foods is controlled by the Irish Dairy Board.");
    bool found = false;
    for (const Relation& r : facts.relations)
        found = found || (r.predicate == "owns-stake" && r.subject.find("Irish Dairy") != std::string::npos &&
                          r.object.find("DPI Specialty Foods") != std::string::npos);
    CHECK(found);
}

TEST_CASE("'parent company X' before a name, with no company it is the parent of: the sentence's subject") {
    CHECK(Triples(Extract("Supported by parent company CSL Behring, the global leader in plasma protein "
                          "biotherapeutics, CSL Plasma has more than 130 plasma collection centers in the US and "
                          "Germany."))
              .count("CSL Behring owns-stake CSL Plasma") == 1);
    CHECK(Triples(Extract("PSEG Resources wants to generate some capital resources for parent company Public Service "
                          "Enterprise Group (PSEG), which provides electricity and natural gas to customers in New "
                          "Jersey."))
              .count("Public Service Enterprise Group owns-stake PSEG Resources") == 1);
    // A possessive names the unit: no guess.
    CHECK(Triples(Extract("The company is owned by European travel giant Thomas Cook Group through Gold Medal "
                          "Travel's parent company Gold Medal International."))
              .count("Gold Medal International owns-stake Thomas Cook Group") == 0);
}

TEST_CASE("A property of a company is owned by it") {
    CHECK(Triples(Extract("The Fox Broadcasting Company (often shortened to Fox and stylized as FOX) is an American "
                          "commercial broadcast television network that is a flagship property of Fox Entertainment "
                          "Group, a subsidiary of 21st Century Fox."))
              .count("Fox Entertainment Group owns-stake Fox Broadcasting Company") == 1);
}

TEST_CASE("A company's parent named between commas after the possessive owns it") {
    CHECK(Triples(Extract("In April 2004, Rockstar Games' parent company, Take-Two Interactive, announced that they had "
                          "acquired Mobious Entertainment."))
              .count("Take-Two Interactive owns-stake Rockstar Games") == 1);
}

TEST_CASE("A verb coordinated with an object is coordinated with that object's verb, and shares its subject") {
    CHECK(Triples(Extract("Jim then resigned from C&W, embraced the China challenge and simultaneously founded Realty "
                          "Advisory Group, Inc., his new platform.")) ==
          std::set<std::string>{"Jim leaves C&W", "Jim founder-of Realty Advisory Group, Inc"});
}

TEST_CASE("A company replacing or naming its chief executive is the chief's company") {
    const std::set<std::string> triples = Triples(Extract(
        "ZURICH (Reuters) – Nestle is replacing Chief Executive Mark Schneider with long-serving executive Laurent "
        "Freixe, the company said on Thursday. Schneider, the former boss of German healthcare company Fresenius, "
        "joined Nestle in 2017."));
    CHECK(triples.count("Mark Schneider ceo-of Nestle") == 1);
    CHECK(triples.count("Mark Schneider ceo-of Fresenius") == 1);
}

TEST_CASE("A participle of competing is done by its clause's subject, not the nearest name before it") {
    const std::set<std::string> triples =
        Triples(Extract("T-Mobile completes merger with Sprint taking on AT&T and Verizon"));
    CHECK(triples.count("AT&T competes-with Sprint") == 0);
    CHECK(triples.count("Sprint competes-with Verizon") == 0);
}

TEST_CASE("A chief executive in a biography's line dense with names: degrees, conjoined posts and places aside") {
    CHECK(Triples(Extract("Peter Alexander Singer, OC, MD, MPH, FRSC, is Chief Executive Officer of Grand Challenges "
                          "Canada and Director at the Sandra Rotman Centre, University Health Network and University "
                          "of Toronto.")) == std::set<std::string>{"Peter Alexander Singer ceo-of Grand Challenges Canada"});
    CHECK(Triples(Extract("Former Governor of Kansas Bill Graves is ATA's President and CEO.")) ==
          std::set<std::string>{"Bill Graves ceo-of ATA"});
}

TEST_CASE("A firm's name and the start of it written alike in one sentence are two firms, an alias is one") {
    CHECK(Triples(Extract("Bollore Inc. is the wholly owned subsidiary of Bollore, a French corporation with worldwide "
                          "holdings in services, industry, and finance.")) ==
          std::set<std::string>{"Bollore owns-stake Bollore Inc"});
    CHECK(Triples(Extract("IDG Business Media GmbH, the German subsidiary of IDG, is part of the largest global "
                          "technology media company.")) ==
          std::set<std::string>{"IDG owns-stake IDG Business Media GmbH"});
    const DocumentFacts aliased = Extract("Meta Platforms, known on the NASDAQ as META, invested in Scale AI.");
    const Entity* meta = FindEntity(aliased, "Meta Platforms");
    REQUIRE(meta != nullptr);
    CHECK(HasAlias(*meta, "META"));
    // A possessive looks back at the firm named in full.
    const DocumentFacts possessive = Extract(
        "Alaska Air Group has acquired Hawaiian Airlines, completing a transaction that expands its operation to "
        "include transpacific flights and that bolsters Alaska Air’s fleet with its first widebody jets.");
    const Entity* alaska = FindEntity(possessive, "Alaska Air Group");
    REQUIRE(alaska != nullptr);
    CHECK(HasAlias(*alaska, "Alaska Air"));
}

TEST_CASE("A name of no known type made of English words only founds nothing and heads nothing") {
    CHECK(Triples(Extract("He went on to be the founding publisher of Outside, which was founded by Rolling Stone "
                          "publisher Jann Wenner.")) == std::set<std::string>{"Jann Wenner founder-of Outside"});
}

TEST_CASE("A person's name ending in s before an institution's head word is the institution's, not a possessive") {
    CHECK(Triples(Extract("Bill & Melinda Gates Foundation (or the Gates Foundation, abbreviated as BMGF) is the largest "
                          "private foundation in the world, founded by Bill and Melinda Gates.")) ==
          std::set<std::string>{"Bill Gates founder-of Bill & Melinda Gates Foundation",
                                "Melinda Gates founder-of Bill & Melinda Gates Foundation"});
}

TEST_CASE("A clause after a name and a comma is no apposition: its title does not make the name a person") {
    CHECK(Triples(Extract("Before joining Apple, he was CEO of the fashion house Yves Saint Laurent, which is part of "
                          "PPR.")).count("Apple ceo-of Yves Saint Laurent") == 0);
}

TEST_CASE("Someone's years as a company's chief executive make them its chief executive") {
    CHECK(Triples(Extract("As of December 2, 2016, Bob Collymore was the CEO; he succeeded Michael Joseph on November 1, "
                          "2010, after Joseph's ten years as Safaricom CEO."))
              .count("Michael Joseph ceo-of Safaricom") == 1);
}

TEST_CASE("A biography's 'prior to' clause: the founder after it, the company before it") {
    CHECK(Triples(Extract("Mr. Pew was a Partner at a thriving law firm prior to forming the Pew Law Center.")) ==
          std::set<std::string>{"Pew founder-of Pew Law Center"});
    CHECK(Triples(Extract("Prior to joining BrightTag, Eric was co-founder and CTO of FeedBurner, which Google acquired "
                          "in 2007."))
              .count("Eric founder-of FeedBurner") == 1);
}

// Constructions of news English that the dev sets do not happen to contain,
// each written for this test with made-up names.
TEST_CASE("A company naming or appointing someone its chief executive, however the parser reads the title") {
    for (const char* sentence : {"Quorvia named Maria Delgado chief executive on Tuesday.",
                                 "Quorvia named Maria Delgado its new chief executive.",
                                 "Quorvia appointed Maria Delgado CEO on Tuesday.",
                                 "On Tuesday, Quorvia named Maria Delgado chief executive officer."}) {
        INFO(sentence);
        CHECK(Triples(Extract(sentence)) == std::set<std::string>{"Maria Delgado ceo-of Quorvia"});
    }
}

TEST_CASE("Coordinated subjects that are rivals compete with each other") {
    CHECK(Triples(Extract("Quorvia and Zentrix Labs are fierce rivals in the cloud market.")) ==
          std::set<std::string>{"Quorvia competes-with Zentrix Labs"});
}

TEST_CASE("Goods supplied to a company, bought from one, or a company counted among customers") {
    CHECK(Triples(Extract("Zentrix Labs supplies chips to Quorvia under a long-term contract.")) ==
          std::set<std::string>{"Quorvia customer-of Zentrix Labs"});
    CHECK(Triples(Extract("Quorvia buys most of its chips from Zentrix Labs.")) ==
          std::set<std::string>{"Quorvia customer-of Zentrix Labs"});
    CHECK(Triples(Extract("Quorvia counts Zentrix Labs among its largest customers.")) ==
          std::set<std::string>{"Zentrix Labs customer-of Quorvia"});
    CHECK(Triples(Extract("Quorvia counts Zentrix Labs as a customer.")) ==
          std::set<std::string>{"Zentrix Labs customer-of Quorvia"});
}

TEST_CASE("Investors named after 'including', and an owner of a hyphenated 'majority-owned'") {
    CHECK(Triples(Extract("Quorvia raised $50 million from investors including Zentrix Capital and Halvern Partners.")) ==
          std::set<std::string>{"Zentrix Capital invests-in Quorvia", "Halvern Partners invests-in Quorvia"});
    CHECK(Triples(Extract("Quorvia is majority-owned by Zentrix Labs.")) ==
          std::set<std::string>{"Zentrix Labs owns-stake Quorvia"});
}

TEST_CASE("A stake sold is no stake held, part of one is, and a shareholder's stake keeps its percentage") {
    CHECK(Triples(Extract("Zentrix Labs sold its entire stake in Quorvia in 2023.")).empty());
    CHECK(Triples(Extract("Zentrix Labs sold part of its stake in Quorvia.")).count("Zentrix Labs owns-stake Quorvia") == 1);
    const DocumentFacts shareholder = Extract("Zentrix Labs is Quorvia's largest shareholder, with a 25% stake.");
    const Relation* r = Find(shareholder, "Zentrix Labs", "owns-stake", "Quorvia");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence[0].percent.has_value());
    CHECK(*r->evidence[0].percent == Approx(25.0));
}

TEST_CASE("At or taking the helm, 'whose' chief, ousted as chief: the chief executive") {
    for (const char* sentence : {"Maria Delgado took the helm of Quorvia in 2019.",
                                 "Maria Delgado has been at the helm of Quorvia since 2019.",
                                 "Quorvia, whose chief executive is Maria Delgado, declined to comment."}) {
        INFO(sentence);
        CHECK(Triples(Extract(sentence)) == std::set<std::string>{"Maria Delgado ceo-of Quorvia"});
    }
    CHECK(Triples(Extract("Maria Delgado was ousted as Quorvia's chief executive in May.")) ==
          std::set<std::string>{"Maria Delgado ceo-of Quorvia", "Maria Delgado leaves Quorvia"});
}

TEST_CASE("A round led, a company's goods used, a company chosen as provider") {
    CHECK(Triples(Extract("Zentrix Capital led a $20 million Series B round in Quorvia.")) ==
          std::set<std::string>{"Zentrix Capital invests-in Quorvia"});
    CHECK(Triples(Extract("Quorvia uses Zentrix Labs' cloud services.")) ==
          std::set<std::string>{"Quorvia customer-of Zentrix Labs"});
    CHECK(Triples(Extract("Quorvia has chosen Zentrix Labs as its cloud provider.")) ==
          std::set<std::string>{"Quorvia customer-of Zentrix Labs"});
}

TEST_CASE("Names after an opening oblique are the subjects of a passive naming them co-chief executives") {
    const std::set<std::string> triples = Triples(Extract(
        "Intel said its chief executive would retire. In his place, David Zinsner, Intel’s CFO, and Michelle Johnston "
        "Holthaus, GM of the client computing group, have been named interim co-CEOs."));
    CHECK(triples.count("David Zinsner ceo-of Intel") == 1);
    CHECK(triples.count("Michelle Johnston Holthaus ceo-of Intel") == 1);
}

TEST_CASE("One of a group is described as the group: 'one of the founders of', 'one of X's customers'") {
    CHECK(Triples(Extract("Henrik Dahl, one of the founders of Ostara Motors, sold his shares.")) ==
          std::set<std::string>{"Henrik Dahl founder-of Ostara Motors"});
    CHECK(Triples(Extract("Henrik Dahl is one of the founders of Ostara Motors.")) ==
          std::set<std::string>{"Henrik Dahl founder-of Ostara Motors"});
    CHECK(Triples(Extract("Ostara Motors is one of the biggest customers of Velmora Inc.")) ==
          std::set<std::string>{"Ostara Motors customer-of Velmora Inc"});
}

TEST_CASE("Who runs or heads a company, and the head of one, is its chief executive, but a deputy or a unit's head is not") {
    for (const char* sentence : {"Linnea Varga, who runs Ostara Motors, said sales rose.",
                                 "Linnea Varga, the head of Ostara Motors, said demand was strong.",
                                 "Linnea Varga was named head of Ostara Motors in May."}) {
        INFO(sentence);
        CHECK(Triples(Extract(sentence)) == std::set<std::string>{"Linnea Varga ceo-of Ostara Motors"});
    }
    for (const char* sentence : {"Linnea Varga, deputy head of Ostara Motors, said demand was strong.",
                                 "Linnea Varga, head of research at Ostara Motors, said demand was strong.",
                                 "Linnea Varga runs the European unit of Ostara Motors."}) {
        INFO(sentence);
        CHECK(Triples(Extract(sentence)).empty());
    }
}

TEST_CASE("A plural possessor's founder, a company's rival before a name, a resignation announced from a company") {
    CHECK(Triples(Extract("Ostara Motors' co-founder Henrik Dahl sold his shares.")) ==
          std::set<std::string>{"Henrik Dahl founder-of Ostara Motors"});
    // competes-with is symmetric: either name may be its subject
    CHECK(Triples(Extract("Ostara Motors rival Kestrel Energy cut prices.")) ==
          std::set<std::string>{"Kestrel Energy competes-with Ostara Motors"});
    CHECK(Triples(Extract("Linnea Varga announced her resignation from Ostara Motors on Monday.")) ==
          std::set<std::string>{"Linnea Varga leaves Ostara Motors"});
}

TEST_CASE("A name with 'who' or an age after its comma is a person's, but not one inside an 'of' phrase") {
    for (const char* sentence : {"Sales rose, said Henrik Dahl, who joined Ostara Motors in 2001.",
                                 "Henrik Dahl, 52, said Ostara Motors would grow."}) {
        INFO(sentence);
        const DocumentFacts facts = Extract(sentence);
        const Entity* dahl = FindEntity(facts, "Henrik Dahl");
        REQUIRE(dahl != nullptr);
        CHECK(dahl->type == EntityType::kPerson);
    }
    // the founder is the publisher, not the review
    CHECK(Triples(Extract("It was founded by Jan Novak, formerly associate publisher of Kestrel Review, who had also "
                          "founded the Halvern Life Foundation."))
              .count("Kestrel Review founder-of Halvern Life Foundation") == 0);
}

TEST_CASE("A possessor hung on the verb owns the named subsidiary, founders 'include', a company 'owns' another") {
    CHECK(Triples(Extract("Halvern Systems' subsidiary Brixton Analytics makes sensors.")) ==
          std::set<std::string>{"Halvern Systems owns-stake Brixton Analytics"});
    CHECK(Triples(Extract("Halvern Systems' founders include Tomasz Nowicki and Erik Sand.")) ==
          std::set<std::string>{"Tomasz Nowicki founder-of Halvern Systems", "Erik Sand founder-of Halvern Systems"});
    CHECK(Triples(Extract("Halvern Systems owns Brixton Analytics.")) ==
          std::set<std::string>{"Halvern Systems owns-stake Brixton Analytics"});
}

TEST_CASE("What is sold is no buyer: 'sold it' states no customer") {
    CHECK(Triples(Extract("Halvern Systems was founded in 2001. Brixton Analytics later sold it.")).empty());
    CHECK(Triples(Extract("Brixton Analytics sells sensors to Halvern Systems.")) ==
          std::set<std::string>{"Halvern Systems customer-of Brixton Analytics"});
}

TEST_CASE("A supplier replaced, a contract awarded, a longtime customer, investors participating or attracted") {
    CHECK(Triples(Extract("Ostara Motors is replacing Velmora Inc. with Kestrel Energy as its battery supplier.")) ==
          std::set<std::string>{"Ostara Motors leaves Velmora Inc", "Ostara Motors customer-of Velmora Inc",
                                "Ostara Motors customer-of Kestrel Energy"});
    CHECK(Triples(Extract("Ostara Motors awarded Velmora Inc. a $2 billion contract for battery cells.")) ==
          std::set<std::string>{"Ostara Motors customer-of Velmora Inc"});
    CHECK(Triples(Extract("Ostara Motors, a longtime Velmora Inc. customer, renewed its contract.")) ==
          std::set<std::string>{"Ostara Motors customer-of Velmora Inc"});
    CHECK(Triples(Extract("Ostara Motors raised $45 million in a round led by Kestrel Energy, with participation from "
                          "Brantel Group.")) ==
          std::set<std::string>{"Kestrel Energy invests-in Ostara Motors", "Brantel Group invests-in Ostara Motors"});
    CHECK(Triples(Extract("Ostara Motors has attracted investment from Kestrel Energy and Brantel Group.")) ==
          std::set<std::string>{"Kestrel Energy invests-in Ostara Motors", "Brantel Group invests-in Ostara Motors"});
}

TEST_CASE("Companies locked in a war compete, a person ousted as chief leaves, a company replaced as supplier is left") {
    CHECK(Triples(Extract("Ostara Motors and Kestrel Energy are locked in a price war.")) ==
          std::set<std::string>{"Kestrel Energy competes-with Ostara Motors"});  // symmetric
    CHECK(Triples(Extract("Linnea Varga was ousted as chief executive of Ostara Motors.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Ostara Motors", "Linnea Varga leaves Ostara Motors"});
    CHECK(Triples(Extract("Ostara Motors replaced Velmora Inc. as its supplier.")).count("Velmora Inc leaves Ostara Motors") == 0);
}

TEST_CASE("A nickname in quotes between a first and a family name is part of one person's name") {
    const DocumentFacts facts = Extract("Christopher \"CJ\" Fraleigh is the chairman and CEO of Shearer Foods.");
    CHECK(Triples(facts) == std::set<std::string>{"Christopher \"CJ\" Fraleigh ceo-of Shearer Foods"});
    const Entity* person = FindEntity(facts, "Christopher \"CJ\" Fraleigh");
    REQUIRE(person != nullptr);
    CHECK(person->type == EntityType::kPerson);
    CHECK(Triples(Extract("Miodrag \xE2\x80\x9CMiki\xE2\x80\x9D Savicevic was CEO of Genex.")) ==
          std::set<std::string>{"Miodrag \xE2\x80\x9CMiki\xE2\x80\x9D Savicevic ceo-of Genex"});
}

TEST_CASE("A noun phrase after 'as' is what the verb's subject is: a brand owned by a company") {
    CHECK(Triples(Extract("Brixton Analytics now operates as a brand owned by Halvern Systems.")) ==
          std::set<std::string>{"Halvern Systems owns-stake Brixton Analytics"});
}

TEST_CASE("A dotted acronym title is the title: 'C.E.O.' before a name and after a comma") {
    CHECK(Triples(Extract("Ostara Motors C.E.O. Linnea Varga said sales rose.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Ostara Motors"});
    CHECK(Triples(Extract("Linnea Varga, the C.E.O. of Ostara Motors, said sales rose.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Ostara Motors"});
}

TEST_CASE("A co-founder 'with' on the place of founding, and no co-founder from the verb coordinated before") {
    CHECK(Triples(Extract("He worked with Jean Piaget in Geneva and later co-founded the Institute for Cognitive Studies "
                          "at Rutgers with Dorothy Dinnerstein.")) ==
          std::set<std::string>{"Dorothy Dinnerstein founder-of Institute for Cognitive Studies"});
}

TEST_CASE("A company counted among another's investors invests in it") {
    CHECK(Triples(Extract("Ostara Motors counts Velmora Inc. and Kestrel Energy among its investors.")) ==
          std::set<std::string>{"Velmora Inc invests-in Ostara Motors", "Kestrel Energy invests-in Ostara Motors"});
}

TEST_CASE("A stake raised 'to' a percentage after the company holds that percentage") {
    for (const char* sentence : {"Toyota raised its stake in Subaru from 16.8% to 20% as planned in February last year.",
                                 "Toyota raised its stake in Subaru to 20% last year."}) {
        INFO(sentence);
        const DocumentFacts facts = Extract(sentence);
        const Relation* r = Find(facts, "Toyota", "owns-stake", "Subaru");
        REQUIRE(r != nullptr);
        REQUIRE(r->evidence[0].percent.has_value());
        CHECK(*r->evidence[0].percent == Approx(20.0));
    }
}

TEST_CASE("An acquisition's amount is what the buyer pays to acquire") {
    const DocumentFacts facts = Extract("Alaska Air Group said it had closed the deal, paying $1.9 billion in all-stock "
                                        "acquisition to acquire Hawaiian Airlines.");
    const Relation* r = Find(facts, "Alaska Air Group", "invests-in", "Hawaiian Airlines");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence[0].amount.has_value());
    CHECK(r->evidence[0].amount->value == Approx(1.9e9));
}

TEST_CASE("'it' or 'its' in a verb coordinated after another is that verb's named object") {
    CHECK(Triples(Extract("Linnea Varga is an American entrepreneur. She founded Ostara Motors in 2009 and served as its "
                          "CEO until 2015.")) ==
          std::set<std::string>{"Linnea Varga founder-of Ostara Motors", "Linnea Varga ceo-of Ostara Motors"});
    CHECK(Triples(Extract("Halvern Systems, which bought Kestrel Energy in 2016 and owns a majority of it, named a new "
                          "president.")) ==
          std::set<std::string>{"Halvern Systems owns-stake Kestrel Energy", "Halvern Systems invests-in Kestrel Energy"});
}

TEST_CASE("Joining a company leaves an earlier affiliation, never the company joined") {
    CHECK(Triples(Extract("After graduating, Linnea Varga joined Kestrel Energy, where she later became CEO.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Kestrel Energy"});
    CHECK(Triples(Extract("Linnea Varga was chief executive of Ostara Motors. In May she joined Kestrel Energy.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Ostara Motors", "Linnea Varga leaves Ostara Motors"});
}

TEST_CASE("A preposition opening a sentence is no name's first word") {
    const std::set<std::string> triples = Triples(Extract("Under Henrik Dahl's leadership as CEO, Ostara Motors grew rapidly."));
    CHECK(triples.count("Under Henrik Dahl ceo-of Ostara Motors") == 0);
    CHECK(triples.count("Henrik Dahl ceo-of Ostara Motors") == 1);
}

TEST_CASE("A company sold to another is owned by it, one that became a subsidiary is its parent's") {
    CHECK(Triples(Extract("Kestrel Energy was sold to Brantel Group in 2012.")) ==
          std::set<std::string>{"Brantel Group owns-stake Kestrel Energy", "Brantel Group invests-in Kestrel Energy"});
    CHECK(Triples(Extract("Kestrel Energy became a subsidiary of Brantel Group in 2012.")) ==
          std::set<std::string>{"Brantel Group owns-stake Kestrel Energy"});
    CHECK(Triples(Extract("Brixton Analytics sells sensors to Halvern Systems.")) ==
          std::set<std::string>{"Halvern Systems customer-of Brixton Analytics"});
}

TEST_CASE("A company sold to a buyer makes it no customer of the seller") {
    CHECK(Triples(Extract("Brantel Group sold Kestrel Energy to Halvern Systems for $2 billion.")) ==
          std::set<std::string>{"Halvern Systems owns-stake Kestrel Energy", "Halvern Systems invests-in Kestrel Energy"});
}

TEST_CASE("A name between commas after a title renames it, even one ending in a place's name") {
    const DocumentFacts facts =
        Extract("The magazine published an article about Wikipedia and its founder, Jimmy Wales, in its February issue.");
    CHECK(Triples(facts).count("Jimmy Wales founder-of Wikipedia") == 1);
    const Entity* wales = FindEntity(facts, "Jimmy Wales");
    REQUIRE(wales != nullptr);
    CHECK(wales->type == EntityType::kPerson);
}

TEST_CASE("Founding 'the X party' or 'the X newspaper' founds X, creating 'X growth' founds nothing") {
    CHECK(Triples(Extract("In January 2001, Jan Kowal founded the Civic Platform political party with Donald Tusk.")) ==
          std::set<std::string>{"Jan Kowal founder-of Civic Platform", "Donald Tusk founder-of Civic Platform"});
    CHECK(Triples(Extract("As General Manager, Vince Adams creates EBITDA growth through acquisitions.")).empty());
}

TEST_CASE("The founder or chief of 'the X school' or 'the X group' is X's") {
    CHECK(Triples(Extract("Linnea Varga is the chief executive of the Kestrel group.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Kestrel"});
    CHECK(Triples(Extract("Henrik Dahl, the founder of the Ostara newspaper, died in 2020.")) ==
          std::set<std::string>{"Henrik Dahl founder-of Ostara"});
}

TEST_CASE("A name may open with digits ('23andMe'), and 'NAME, one of the founders of' is an apposition") {
    CHECK(Triples(Extract("The prize is funded by internet entrepreneurs: Sergey Brin of Google; entrepreneur Yuri "
                          "Milner; and Anne Wojcicki, one of the founders of the genetics company 23andMe."))
              .count("Anne Wojcicki founder-of 23andMe") == 1);
}

TEST_CASE("Coordinated companies that compete, competitors that 'include', a person fired by a company") {
    CHECK(Triples(Extract("Ostara Motors and Kestrel Energy compete in the market for electric trucks.")) ==
          std::set<std::string>{"Kestrel Energy competes-with Ostara Motors"});  // symmetric: in name order
    const std::set<std::string> rivals = Triples(Extract("Ostara Motors' competitors include Kestrel Energy and Brantel Group."));
    CHECK(rivals.size() == 2);
    CHECK(rivals.count("Ostara Motors competes-with Kestrel Energy") + rivals.count("Kestrel Energy competes-with Ostara Motors") == 1);
    CHECK(Triples(Extract("Linnea Varga was fired by Ostara Motors on Friday.")) ==
          std::set<std::string>{"Linnea Varga leaves Ostara Motors"});
}

TEST_CASE("An oblique the parser hung on a verb's particle is the verb's: stepping aside as chief executive") {
    CHECK(Triples(Extract("Linnea Varga is stepping aside as Ostara Motors' chief executive.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Ostara Motors", "Linnea Varga leaves Ostara Motors"});
}

TEST_CASE("A stake sold to a buyer is the buyer's, and a company's biggest shareholder after a copula holds a stake") {
    CHECK(Triples(Extract("Brantel Group is selling its 20% stake in Ostara Motors to Kestrel Energy.")) ==
          std::set<std::string>{"Kestrel Energy owns-stake Ostara Motors", "Kestrel Energy invests-in Ostara Motors"});
    CHECK(Triples(Extract("Ostara Motors' biggest shareholder is Kestrel Energy, with 35%.")) ==
          std::set<std::string>{"Kestrel Energy owns-stake Ostara Motors"});
}

TEST_CASE("A wire headline's amount before a noun modifies it: 'completes $4 bln acquisition of'") {
    const DocumentFacts facts = Extract("Kestrel Energy completes $4 bln acquisition of Ostara Motors");
    CHECK(Triples(facts) == std::set<std::string>{"Kestrel Energy owns-stake Ostara Motors", "Kestrel Energy invests-in Ostara Motors"});
    const Relation* r = Find(facts, "Kestrel Energy", "invests-in", "Ostara Motors");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence[0].amount.has_value());
    CHECK(r->evidence[0].amount->value == Approx(4e9));
}

TEST_CASE("An early investor named in a timeline entry invests in the company the timeline is about") {
    CHECK(Triples(Extract("OpenAI fired Sam Altman on Friday. Company names Mira Murati as interim CEO Nov. 18 Early "
                          "investor Khosla Ventures says it wants Altman back at OpenAI, but will back him in whatever "
                          "he does next Nov. 19 OpenAI appoints former Twitch boss Emmett Shear as interim CEO"))
              .count("Khosla Ventures invests-in OpenAI") == 1);
}

TEST_CASE("Who will lead a company is its chief executive, who led a round is not") {
    CHECK(Triples(Extract("Peter Ingram will be succeeded by Joe Sprague, who would lead Hawaiian Airlines.")).count(
              "Joe Sprague ceo-of Hawaiian Airlines") == 1);
    CHECK(Triples(Extract("Linnea Varga led the $40 million round in Ostara Motors.")).count("Linnea Varga ceo-of Ostara Motors") == 0);
}

TEST_CASE("Who became a company's chief executive, the title read as an oblique without a preposition") {
    CHECK(Triples(Extract("From 2012 to 2014, WfWI was led by Afshan Khan, a long-time former executive with UNICEF who "
                          "became WfWI's first new CEO since its founder stepped down."))
              .count("Afshan Khan ceo-of WfWI") == 1);
}

TEST_CASE("A possessive after an abbreviation's stop ('Inc.'s'), and goods made by a company and used by another") {
    CHECK(Triples(Extract("Velmora Inc.'s customers include Ostara Motors and Kestrel Energy.")) ==
          std::set<std::string>{"Ostara Motors customer-of Velmora Inc", "Kestrel Energy customer-of Velmora Inc"});
    CHECK(Triples(Extract("Ostara Motors uses chips made by Velmora Inc. in its trucks.")) ==
          std::set<std::string>{"Ostara Motors customer-of Velmora Inc"});
}

TEST_CASE("A common word opening a sentence that defines it as a company is that company's name") {
    CHECK(Triples(Extract("Beams is a Japanese clothing company founded by Yo Shitara in 1976.")) ==
          std::set<std::string>{"Yo Shitara founder-of Beams"});
    // with no definition, the capital of a sentence's first word proves nothing
    CHECK(Triples(Extract("Beams of light were founded by Yo Shitara in 1976.")).empty());
}

TEST_CASE("'whose' stands for the noun right before it, however the parser hung its clause") {
    CHECK(Triples(Extract("Kestrel is a Norwegian company whose chief executive is Linnea Varga.")) ==
          std::set<std::string>{"Linnea Varga ceo-of Kestrel"});
}

TEST_CASE("An investment's company after its amount, and a stake a deal gave") {
    const DocumentFacts facts = Extract("Kestrel Energy's investment of $400 million in Ostara Motors was approved.");
    const Relation* r = Find(facts, "Kestrel Energy", "invests-in", "Ostara Motors");
    REQUIRE(r != nullptr);
    REQUIRE(r->evidence[0].amount.has_value());
    CHECK(r->evidence[0].amount->value == Approx(400e6));
    CHECK(Triples(Extract("The agreement gave Kestrel Energy a 35% stake in Ostara Motors.")) ==
          std::set<std::string>{"Kestrel Energy owns-stake Ostara Motors", "Kestrel Energy invests-in Ostara Motors"});
}

TEST_CASE("A conjunct with its own preposition joins the phrase with that preposition, and a relative clause covers the conjuncts before it") {
    CHECK(Triples(Extract("Joby competes with Archer Aviation, which is backed by Stellantis and United Airlines, and "
                          "with Germany's Lilium in the race to launch air taxi services.")) ==
          std::set<std::string>{"Archer Aviation competes-with Joby", "Joby competes-with Lilium",  // symmetric
                                "Stellantis invests-in Archer Aviation", "United Airlines invests-in Archer Aviation"});
}

TEST_CASE("A deal's amount in another sentence joins the investment the document states, never makes one") {
    const DocumentFacts facts = Extract(
        "Halvern Systems has agreed to buy Brixton Analytics. Halvern, which completed the $2.1 billion deal on Friday, "
        "plans no layoffs. Separately, Corvel Group announced a $3 billion deal with Dunmore Inc.");
    const Relation* r = Find(facts, "Halvern Systems", "invests-in", "Brixton Analytics");
    REQUIRE(r != nullptr);
    REQUIRE(RelationAmount(*r).has_value());
    CHECK(RelationAmount(*r)->value == Approx(2.1e9));
    CHECK(r->evidence.size() == 2);
    // No relation between Corvel Group and Dunmore Inc is known: the deal adds nothing.
    CHECK(Triples(facts) == std::set<std::string>{"Halvern Systems invests-in Brixton Analytics",
                                                  "Halvern Systems owns-stake Brixton Analytics"});
}

TEST_CASE("A deal named by one party finds the other in the document, in the direction it states") {
    const DocumentFacts facts = Extract(
        "Ostara Motors took a stake in Velmora last year. Two weeks later came Velmora's landmark $500 million deal "
        "with Ostara Motors. Ostara Motors is investing $80 million to expand its plant.");
    const Relation* r = Find(facts, "Ostara Motors", "invests-in", "Velmora");
    REQUIRE(r != nullptr);
    CHECK(Find(facts, "Velmora", "invests-in", "Ostara Motors") == nullptr);
    std::vector<double> amounts;
    for (const Evidence& e : r->evidence) {
        if (e.amount) amounts.push_back(e.amount->value);
    }
    CHECK(amounts == std::vector<double>{500e6, 80e6});
}

TEST_CASE("A company that has a subsidiary called or named so owns it, but one in a place names none") {
    CHECK(Triples(Extract("Corvel Group has a subsidiary company called Brixton Analytics.")) ==
          std::set<std::string>{"Corvel Group owns-stake Brixton Analytics"});
    CHECK(Triples(Extract("Corvel Group has a subsidiary named Brixton Analytics.")) ==
          std::set<std::string>{"Corvel Group owns-stake Brixton Analytics"});
    CHECK(Triples(Extract("Corvel Group owns a subsidiary in Oslo.")).empty());
}

TEST_CASE("A stake or a deal the parse shows denied is no fact, but one after a fall in shares still is") {
    CHECK(Triples(Extract("Pietra Nera Capital has no stake in Solano Wines, the firm said.")).empty());
    CHECK(Triples(Extract("Halvern Systems refused to take a stake in Brixton Analytics.")).empty());
    CHECK(Triples(Extract("Shares of Halvern Systems declined after it agreed to buy Brixton Analytics.")) ==
          std::set<std::string>{"Halvern Systems invests-in Brixton Analytics", "Halvern Systems owns-stake Brixton Analytics"});
}

TEST_CASE("A successor and a predecessor 'as chief executive' are chief executives of the company the paragraph is about") {
    const std::set<std::string> triples = Triples(Extract(
        "Shares of Halvern Systems rose after it said Dana Whitcombe would succeed Piet Larsen as chief executive when "
        "he retires next year."));
    CHECK(triples.count("Dana Whitcombe ceo-of Halvern Systems") == 1);
    CHECK(triples.count("Piet Larsen ceo-of Halvern Systems") == 1);
}

TEST_CASE("An 'as' phrase after a passive verb's agent says what the subject is made") {
    CHECK(Triples(Extract("Quarrie Systems and Lowenthal Digital have been named by analysts as rivals to Brightholm.")) ==
          std::set<std::string>{"Brightholm competes-with Quarrie Systems", "Brightholm competes-with Lowenthal Digital"});
    CHECK(Triples(Extract("Dana Whitcombe was chosen by the board as chief executive of Halvern Systems.")) ==
          std::set<std::string>{"Dana Whitcombe ceo-of Halvern Systems"});
}

TEST_CASE("Goods supplied to a company's plants or offices make it the customer, but to its rival, not") {
    CHECK(Triples(Extract("Dravenport Wind will supply renewable electricity to Sundkvist Aluminium's smelters from 2026.")) ==
          std::set<std::string>{"Sundkvist Aluminium customer-of Dravenport Wind"});
    CHECK(Triples(Extract("Halcyra will provide managed security services to Ubrique Systems' offices worldwide.")) ==
          std::set<std::string>{"Ubrique Systems customer-of Halcyra"});
    CHECK(Triples(Extract("Halcyra sells chips to Ubrique Systems' biggest rival.")).empty());
}

TEST_CASE("A company signed up, won or had 'as a customer' is the customer") {
    CHECK(Triples(Extract("Fernhill Labs signed up Calderwood Insurance as its first paying customer in 2021.")) ==
          std::set<std::string>{"Calderwood Insurance customer-of Fernhill Labs"});
    CHECK(Triples(Extract("Brixton Analytics has Halvern Systems as a customer.")) ==
          std::set<std::string>{"Halvern Systems customer-of Brixton Analytics"});
}

TEST_CASE("A round's company left unnamed is the paragraph's topic, never a name of the sentence") {
    CHECK(Triples(Extract("Lumbra AI announced a $32 million Series B round on Monday. Zarvane Ventures led the round "
                          "with participation from Sedgwater Capital.")) ==
          std::set<std::string>{"Zarvane Ventures invests-in Lumbra AI", "Sedgwater Capital invests-in Lumbra AI"});
    CHECK(Triples(Extract("Kestrel Energy led the $45 million round, with participation from Brantel Group.")).empty());
}

TEST_CASE("A word saying when a title is held, opening a sentence, is no word of the company's name") {
    const DocumentFacts facts = Extract("Former Halvern Systems chief executive Dana Whitcombe joined the board of Brixton.");
    CHECK(Find(facts, "Dana Whitcombe", "ceo-of", "Halvern Systems") != nullptr);
    CHECK(FindEntity(facts, "Former Halvern Systems") == nullptr);
}

TEST_CASE("A former chief executive or a former client was one, and left, but a former shareholder is read as one") {
    CHECK(Triples(Extract("Halvern Systems' former chief executive Dana Whitcombe now runs a vineyard.")) ==
          std::set<std::string>{"Dana Whitcombe ceo-of Halvern Systems", "Dana Whitcombe leaves Halvern Systems"});
    CHECK(Triples(Extract("Brixton Bank, a former client of Corvel Software, has moved to another vendor.")) ==
          std::set<std::string>{"Brixton Bank customer-of Corvel Software", "Brixton Bank leaves Corvel Software"});
    CHECK(Triples(Extract("Halvern Systems' chief executive Dana Whitcombe opened the plant.")) ==
          std::set<std::string>{"Dana Whitcombe ceo-of Halvern Systems"});
}

TEST_CASE("A passive infinitive's shared subject is the one acted on: 'agreed to be bought by'") {
    CHECK(Triples(Extract("Halvern Systems makes scanners. Earlier this year it agreed to be bought by Corvel Group for "
                          "$640 million.")) ==
          std::set<std::string>{"Corvel Group owns-stake Halvern Systems", "Corvel Group invests-in Halvern Systems"});
}

TEST_CASE("A company pronoun never stands for a name the document's relations made a person") {
    const std::set<std::string> triples = Triples(Extract(
        "Piet Larsen founded Halvern Ferries in 1987. In 2008 he retired and his daughter, Anna Larsen, became its "
        "chief executive."));
    CHECK(triples.count("Anna Larsen ceo-of Halvern Ferries") == 1);
    CHECK(triples.count("Piet Larsen founder-of Halvern Ferries") == 1);
}

TEST_CASE("'rival' before a name makes it the sentence subject's rival, before a common noun not") {
    CHECK(Triples(Extract("Halvern Mining rejected rival Brixton Metals' second takeover bid.")) ==
          std::set<std::string>{"Brixton Metals competes-with Halvern Mining"});
    CHECK(Triples(Extract("Halvern Mining rejected a rival offer for Corvel Steel.")).count("Corvel Steel competes-with Halvern Mining") == 0);
}

TEST_CASE("Founders named inside the agent: 'founded by a group including A, B and C'") {
    CHECK(Triples(Extract("Brixton Analytics was founded in 2004 by a team including Dana Whitcombe, Piet Larsen and "
                          "Anna Berg.")) ==
          std::set<std::string>{"Dana Whitcombe founder-of Brixton Analytics", "Piet Larsen founder-of Brixton Analytics",
                                "Anna Berg founder-of Brixton Analytics"});
}

TEST_CASE("A verb of intent right after a name is a verb: 'X plans to buy a stake in Y'") {
    CHECK(Triples(Extract("Halvern Pharma plans to buy a 30% stake in Brixton Labs, a newspaper reported.")) ==
          std::set<std::string>{"Halvern Pharma owns-stake Brixton Labs", "Halvern Pharma invests-in Brixton Labs"});
}
