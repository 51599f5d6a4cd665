// export/: DOT read back with cgraph and checked by the `dot` program, SVG
// checked by xmllint, JSON-LD read by rdflib and pyld, relations JSON read
// back by nlohmann. The graph is built by hand, with names that need escaping.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <cgraph.h>
#include <nlohmann/json.hpp>

#include "kgraph/export.h"
#include "kgraph/subgraph.h"

using namespace kgraph;
namespace fs = std::filesystem;
using nlohmann::json;

// Fontconfig, which Graphviz's text layout loads, keeps caches it never
// frees; under `./run sanitize` LeakSanitizer would report them as kgraph's.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace {

const std::string kDocA = DocumentId("article a");
const std::string kDocB = DocumentId("article b");
const std::string kQuoted = "Quote \"Q\" Labs";

Money Usd(double value, std::string qualifier = "") {
    return Money{.value = value, .currency = "USD", .qualifier = std::move(qualifier), .upper = std::nullopt};
}

Evidence Said(const std::string& doc, std::string sentence, std::size_t start, std::string rule, double confidence) {
    Evidence e;
    e.doc = doc;
    e.source = doc == kDocA ? "seeds/a.txt" : "seeds/b.txt";
    e.start = start;
    e.end = start + sentence.size();
    e.sentence = std::move(sentence);
    e.rule = std::move(rule);
    e.confidence = confidence;
    return e;
}

Relation Rel(std::string subject, std::string predicate, std::string object, std::vector<Evidence> evidence) {
    return Relation{.subject = std::move(subject), .predicate = std::move(predicate), .object = std::move(object),
                    .evidence = std::move(evidence), .ended = false};
}

// Sorted as the store returns it: entities by name, relations by
// (subject, predicate, object), evidence by (doc, start).
GraphModel SampleGraph() {
    using enum EntityType;
    GraphModel g;
    g.entities = {
        {"Alexandr Wang", kPerson, {"Wang"}},
        {"Google", kOrganization, {}},
        {"Johnson & Johnson", kOrganization, {"J&J"}},
        {"Meta", kOrganization, {"Meta Platforms", "META"}},
        {kQuoted, kOrganization, {}},
        {"Scale AI", kOrganization, {"Scale"}},
        {"Société Générale", kOrganization, {"SocGen"}},
        {"Turing", kOrganization, {}},
    };

    Evidence invested = Said(kDocA, "Meta invested $14.3 billion in Scale AI in June 2025.", 0, "invests-in/verb", 0.9);
    invested.amount = Usd(14.3e9);
    invested.date = "2025-06";
    Evidence put = Said(kDocB, "Meta put more than $14 billion into Scale AI.", 200, "invests-in/put-into", 0.8);
    put.amount = Usd(14e9, "more-than");
    put.chars = CodePointSpan{198, 243};  // two characters of two bytes before it
    Evidence stake = Said(kDocA, "The deal gives Meta a 49% stake in Scale AI.", 60, "owns-stake/stake-in", 0.85);
    stake.percent = 49;
    Evidence cut = Said(kDocB, "Google plans to cut ties with Scale AI in June 2025.", 50, "leaves/cut-ties", 0.7);
    cut.date = "2025-06";
    cut.modality = "planned";
    Evidence partners = Said(kDocB, "Quote \"Q\" Labs reportedly partners with Société Générale.", 300,
                             "partners-with/verb", 0.6);
    partners.modality = "reported";

    g.relations = {
        Rel("Alexandr Wang", "ceo-of", "Scale AI",
            {Said(kDocA, "Alexandr Wang, CEO of Scale AI, joins Meta.", 120, "ceo-of/apposition", 0.9)}),
        Rel("Google", "customer-of", "Scale AI",
            {Said(kDocB, "Google was Scale AI's largest customer.", 0, "customer-of/possessive", 0.8)}),
        Rel("Google", "leaves", "Scale AI", {cut}),
        Rel("Meta", "invests-in", "Scale AI", {invested, put}),
        Rel("Meta", "owns-stake", "Scale AI", {stake}),
        Rel(kQuoted, "partners-with", "Société Générale", {partners}),
        Rel("Scale AI", "competes-with", "Turing",
            {Said(kDocA, "Scale AI competes with Turing & others.", 180, "competes-with/verb", 0.75)}),
        Rel("Société Générale", "customer-of", "Johnson & Johnson",
            {Said(kDocB, "Société Générale buys from Johnson & Johnson.", 400, "customer-of/buys", 0.65)}),
    };
    g.relations[1].ended = true;
    return g;
}

// A directory of its own per test, removed afterwards.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("kgraph-test-export-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void WriteText(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string ReadText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

struct Run {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

Run RunCommand(const std::string& command) {
    Run run;
    std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
    int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::size_t CountOccurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
    return count;
}

// Runs `action` with stdout and stderr going to a file; returns what they got.
std::string PrintedBy(const std::function<void()>& action) {
    TempDir dir;
    const fs::path file = dir.path() / "printed";
    std::fflush(stdout);
    std::fflush(stderr);
    int saved_out = ::dup(1);
    int saved_err = ::dup(2);
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::close(fd);
    action();
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(saved_out, 1);
    ::dup2(saved_err, 2);
    ::close(saved_out);
    ::close(saved_err);
    return ReadText(file);
}

// --- DOT read back with cgraph ---

struct DotEdge {
    std::string tail, head, label, color, style, dir;
};

struct ParsedDot {
    std::map<std::string, std::string> shapes;  // node name -> shape
    std::map<std::string, std::string> labels;  // node name -> label
    std::vector<DotEdge> edges;
    std::string layout;
};

std::string Attribute(void* object, const char* name) {
    const char* value = agget(object, const_cast<char*>(name));
    return value ? value : "";
}

ParsedDot ParseDot(const std::string& dot) {
    Agraph_t* graph = agmemread(dot.c_str());
    REQUIRE(graph);
    ParsedDot parsed;
    parsed.layout = Attribute(graph, "layout");
    for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
        parsed.shapes[agnameof(n)] = Attribute(n, "shape");
        parsed.labels[agnameof(n)] = Attribute(n, "label");
        for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e)) {
            parsed.edges.push_back({agnameof(agtail(e)), agnameof(aghead(e)), Attribute(e, "label"),
                                    Attribute(e, "color"), Attribute(e, "style"), Attribute(e, "dir")});
        }
    }
    agclose(graph);
    return parsed;
}

const DotEdge& EdgeLabelled(const ParsedDot& dot, const std::string& tail, const std::string& predicate) {
    for (const DotEdge& e : dot.edges) {
        if (e.tail == tail && e.label.rfind(predicate, 0) == 0) return e;
    }
    FAIL("no " << predicate << " edge from " << tail);
    throw;  // unreachable: FAIL throws
}

// --- JSON-LD read by the Python RDF libraries ---

json CheckJsonLd(const std::string& jsonld) {
    TempDir dir;
    fs::path file = dir.path() / "graph.jsonld";
    WriteText(file, jsonld);
    Run run = RunCommand("/usr/bin/python3 " + Quoted(fs::path(KGRAPH_TESTS_DIR) / "jsonld_check.py") + " " +
                         Quoted(file));
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.output);
}

// Runs one of the consumer scripts in tests/ on `files`; returns its JSON.
json RunPythonCheck(const std::string& script, const std::vector<fs::path>& files) {
    std::string command = "/usr/bin/python3 " + Quoted(fs::path(KGRAPH_TESTS_DIR) / script);
    for (const fs::path& file : files) command += " " + Quoted(file);
    Run run = RunCommand(command);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.output);
}

std::set<std::string> EntityNames(const GraphModel& graph) {
    std::set<std::string> names;
    for (const Entity& entity : graph.entities) names.insert(entity.name);
    return names;
}

std::vector<std::string> RelationKeys(const GraphModel& graph) {
    std::vector<std::string> keys;
    for (const Relation& r : graph.relations) keys.push_back(r.subject + " " + r.predicate + " " + r.object);
    return keys;
}

}  // namespace

TEST_CASE("DOT has a node per entity, shaped by type, and a labelled edge per relation") {
    ParsedDot parsed = ParseDot(ToDot(SampleGraph()));

    // Names with quotes, ampersands and accents come back unchanged.
    CHECK(parsed.shapes.size() == 8);
    CHECK(parsed.shapes.at(kQuoted) == "box");
    CHECK(parsed.shapes.at("Johnson & Johnson") == "box");
    CHECK(parsed.shapes.at("Société Générale") == "box");
    CHECK(parsed.shapes.at("Alexandr Wang") == "ellipse");
    // No engine pinned: `dot file.dot` lays it out with dot, `sfdp` with sfdp.
    CHECK(parsed.layout.empty());
    REQUIRE(parsed.edges.size() == 8);

    const DotEdge& invests = EdgeLabelled(parsed, "Meta", "invests-in");
    CHECK(invests.head == "Scale AI");
    // The exact amount wins the tie with the hedged one.
    CHECK(invests.label == "invests-in\\n$14.3B, 2025-06");
    CHECK(EdgeLabelled(parsed, "Meta", "owns-stake").label == "owns-stake\\n49%");
    CHECK(EdgeLabelled(parsed, "Google", "leaves").label == "leaves (planned)\\n2025-06");

    // Each scored predicate its own colour; others grey.
    CHECK(invests.color != EdgeLabelled(parsed, "Meta", "owns-stake").color);
    CHECK(EdgeLabelled(parsed, kQuoted, "partners-with").color == "#7f7f7f");

    const DotEdge& customer = EdgeLabelled(parsed, "Google", "customer-of");
    CHECK(customer.style == "dashed");
    CHECK(customer.label == "customer-of (ended)");
    CHECK(EdgeLabelled(parsed, "Meta", "invests-in").style != "dashed");

    CHECK(EdgeLabelled(parsed, "Scale AI", "competes-with").dir == "none");
    CHECK(EdgeLabelled(parsed, "Meta", "invests-in").dir != "none");
}

TEST_CASE("A backslash in a name is drawn, not read as a Graphviz escape") {
    GraphModel g;
    g.entities = {{"Path\\new Ventures", EntityType::kOrganization, {}}};
    TempDir dir;
    REQUIRE(WriteSvg(g, dir.path() / "graph.svg").ok());
    CHECK(ReadText(dir.path() / "graph.svg").find(">Path\\new Ventures</text>") != std::string::npos);
}

TEST_CASE("The dot program accepts the DOT") {
    TempDir dir;
    WriteText(dir.path() / "graph.dot", ToDot(SampleGraph()));
    Run run = RunCommand("dot -Tsvg " + Quoted(dir.path() / "graph.dot") + " -o " + Quoted(dir.path() / "out.svg"));
    INFO(run.output);
    CHECK(run.exit_code == 0);
    CHECK(run.output.empty());  // not even a warning
}

TEST_CASE("A relation naming an unlisted entity still gets both nodes") {
    GraphModel g;
    g.entities = {{"Meta", EntityType::kOrganization, {}}};
    g.relations = {Rel("Meta", "invests-in", "Nowhere Inc", {Said(kDocA, "s", 0, "r", 0.5)})};

    CHECK(ParseDot(ToDot(g)).shapes.count("Nowhere Inc") == 1);

    json relations = json::parse(ToRelationsJson(g));
    CHECK(relations.at(0).at("object") == json({{"name", "Nowhere Inc"}, {"type", nullptr}, {"aliases", json::array()}}));

    json rdf = CheckJsonLd(ToJsonLd(g));
    CHECK(rdf.at("invests_in") == json::array({json::array({"Meta", "Nowhere Inc"})}));
}

TEST_CASE("JSON-LD edges of a predicate named like a property keep the property") {
    // A rules file may call a relation "name" or "rule"; its edges must not
    // overwrite (or, for "name", crash into) the entity's own schema:name.
    GraphModel g;
    g.entities = {{"Meta", EntityType::kOrganization, {}}, {"Scale AI", EntityType::kOrganization, {}}};
    g.relations = {Rel("Meta", "name", "Scale AI", {Said(kDocA, "s", 0, "r", 0.5)}),
                   Rel("Meta", "rule", "Scale AI", {Said(kDocA, "s", 0, "r", 0.5)})};
    const std::string text = ToJsonLd(g);
    json doc = json::parse(text);
    CHECK(doc.at("@context").at("kg:name") == json({{"@id", "kg:name"}, {"@type", "@id"}}));
    CHECK(doc.at("@context").at("name") == "schema:name");
    bool found = false;
    for (const json& node : doc.at("@graph")) {
        if (node.value("name", "") != "Meta") continue;
        found = true;
        CHECK(node.at("kg:name").size() == 1);
        CHECK(node.at("kg:rule").size() == 1);
    }
    CHECK(found);
    CheckJsonLd(text);  // rdflib and pyld load it
}

TEST_CASE("WriteSvg writes well-formed SVG with one node per entity") {
    TempDir dir;
    fs::path svg = dir.path() / "graph.svg";
    Status status = WriteSvg(SampleGraph(), svg);
    INFO(status.ToString());
    REQUIRE(status.ok());

    Run lint = RunCommand("xmllint --noout " + Quoted(svg));
    INFO(lint.output);
    CHECK(lint.exit_code == 0);
    std::string text = ReadText(svg);
    CHECK(CountOccurrences(text, "class=\"node\"") == 8 + 1);  // and the legend
    CHECK(CountOccurrences(text, "class=\"edge\"") == 8);
    CHECK(text.find("Société Générale") != std::string::npos);
    CHECK(text.find("Johnson &amp; Johnson") != std::string::npos);
}

TEST_CASE("WriteSvg to a path it cannot write returns a one-line error naming the path") {
    TempDir dir;
    WriteText(dir.path() / "a-file", "x");
    const GraphModel graph = SampleGraph();

    Status missing = WriteSvg(graph, dir.path() / "no-such-dir" / "graph.svg");
    CHECK(missing.IsNotFound());
    CHECK(missing.message().find("no-such-dir") != std::string::npos);

    Status under_file = WriteSvg(graph, dir.path() / "a-file" / "graph.svg");
    CHECK(under_file.IsIOError());
    CHECK(under_file.message().find("a-file") != std::string::npos);

    Status onto_directory = WriteSvg(graph, dir.path());
    CHECK(onto_directory.IsIOError());

    for (const Status& s : {missing, under_file, onto_directory}) {
        CHECK(s.message().find('\n') == std::string::npos);
    }
}

TEST_CASE("Export never prints, even when Graphviz has something to say") {
    // Graphviz warns on stderr about a name that is not valid UTF-8.
    GraphModel graph = SampleGraph();
    graph.entities.push_back({"Bad \xC3 Byte", EntityType::kOrganization, {}});
    graph.relations.push_back(Rel("Turing", "competes-with", "Bad \xC3 Byte", {Said(kDocA, "s", 0, "r", 0.5)}));
    TempDir dir;
    std::string printed = PrintedBy([&] {
        ToDot(graph);
        CHECK(WriteSvg(graph, dir.path() / "graph.svg").ok());
        CHECK_FALSE(WriteSvg(graph, dir.path() / "missing" / "graph.svg").ok());
        // A stray byte is replaced, not thrown about.
        CHECK_NOTHROW(json::parse(ToJsonLd(graph)));
        CHECK_NOTHROW(json::parse(ToRelationsJson(graph)));
    });
    CHECK(printed == "");
}

// What document A said about itself.
std::map<std::string, DocumentMetadata> SampleMetadata() {
    return {{kDocA, DocumentMetadata{"https://news.example/meta-scale?id=1&x=2", "Meta invests in Scale AI", "2025-06-13"}}};
}

TEST_CASE("JSON-LD parses into the expected triples and answers SPARQL") {
    json rdf = CheckJsonLd(ToJsonLd(SampleGraph(), SampleMetadata()));
    // 7 relation types x 2 (type, label)                                 14
    // entities: type + name + aliases + direct edges (competes-with both
    //   ways): Wang 4, Google 4, J&J 3, Meta 6, Quote 3, Scale AI 4,
    //   Société Générale 4, Turing 3                                     31
    // relations: 6 (type, subject, predicate, object, confidence, ended)
    //   + 1 per evidence + claims + modality; evidence: 7 (type, document,
    //   sentence, start, end, rule, confidence) + claims + modality:
    //   ceo-of 7+7, customer-of 7+7, leaves 9+9, invests-in 11+10+10,
    //   owns-stake 8+8, partners-with 8+8, competes-with 7+7,
    //   customer-of 7+7, + charStart and charEnd of one evidence        139
    // documents: 2 x (type, source) + url, headline, datePublished of A   7
    CHECK(rdf.at("triples") == 191);
    CHECK(rdf.at("pyld_triples") == 191);
    CHECK(rdf.at("isomorphic") == true);
    CHECK(rdf.at("ill_typed") == json::array());
    CHECK(rdf.at("invests_in") == json::array({json::array({"Meta", "Scale AI"})}));
}

TEST_CASE("JSON-LD keeps each relation's claims and evidence on a node of its own") {
    json doc = json::parse(ToJsonLd(SampleGraph()));
    CHECK(doc.at("@context").at("Organization") == "schema:Organization");
    CHECK(doc.at("@context").at("investsIn").at("@id") == "kg:investsIn");

    const json* invests = nullptr;
    for (const json& node : doc.at("@graph")) {
        if (node.value("@id", "") == "urn:kgraph:relation:Meta:invests-in:Scale%20AI") invests = &node;
    }
    REQUIRE(invests);
    CHECK(invests->at("subject") == "urn:kgraph:entity:Meta");
    CHECK(invests->at("amount") == "14300000000");
    CHECK(invests->at("date") == json({{"@value", "2025-06"}, {"@type", "xsd:gYearMonth"}}));
    REQUIRE(invests->at("evidence").size() == 2);
    const json& hedged = invests->at("evidence").at(1);
    CHECK(hedged.at("amount") == "14000000000");
    CHECK(hedged.at("amountQualifier") == "more-than");
    CHECK(hedged.at("wasDerivedFrom") == "urn:kgraph:doc:" + kDocB);
    CHECK(hedged.at("start") == 200);
    CHECK(hedged.at("charStart") == 198);
    CHECK(hedged.at("charEnd") == 243);
    CHECK_FALSE(invests->at("evidence").at(0).contains("charStart"));  // not recorded
}

TEST_CASE("JSON-LD gives a document the url, title and date it gave, in schema.org terms") {
    json doc = json::parse(ToJsonLd(SampleGraph(), SampleMetadata()));
    CHECK(doc.at("@context").at("url") == json({{"@id", "schema:url"}, {"@type", "xsd:anyURI"}}));
    CHECK(doc.at("@context").at("headline") == "schema:headline");
    CHECK(doc.at("@context").at("datePublished") == "schema:datePublished");
    std::map<std::string, json> documents;
    for (const json& node : doc.at("@graph")) {
        if (node.value("@type", "") == "Document") documents[node.at("@id")] = node;
    }
    REQUIRE(documents.size() == 2);
    const json& a = documents.at("urn:kgraph:doc:" + kDocA);
    CHECK(a.at("source") == "seeds/a.txt");
    CHECK(a.at("url") == "https://news.example/meta-scale?id=1&x=2");
    CHECK(a.at("headline") == "Meta invests in Scale AI");
    CHECK(a.at("datePublished") == json({{"@value", "2025-06-13"}, {"@type", "xsd:date"}}));
    const json& b = documents.at("urn:kgraph:doc:" + kDocB);
    CHECK(b == json({{"@id", "urn:kgraph:doc:" + kDocB}, {"@type", "Document"}, {"source", "seeds/b.txt"}}));
}

TEST_CASE("Relations JSON carries every field the scorer and the CLI read") {
    json relations = json::parse(ToRelationsJson(SampleGraph()));
    REQUIRE(relations.size() == 8);

    const json& invests = relations.at(3);
    CHECK(invests.at("subject") == json({{"name", "Meta"}, {"type", "Organization"}, {"aliases", {"Meta Platforms", "META"}}}));
    CHECK(invests.at("predicate") == "invests-in");
    CHECK(invests.at("object").at("name") == "Scale AI");
    CHECK(invests.at("amount") ==
          json({{"value", 14300000000}, {"currency", "USD"}, {"qualifier", ""}, {"upper", nullptr}}));
    CHECK(invests.at("amount").at("value").is_number_integer());
    CHECK(invests.at("percent").is_null());
    CHECK(invests.at("date") == "2025-06");
    CHECK(invests.at("confidence").get<double>() == Approx(0.98));
    CHECK(invests.at("ended") == false);
    CHECK(invests.at("modality") == "");
    CHECK(invests.at("conflicting") == true);
    REQUIRE(invests.at("evidence").size() == 2);
    CHECK(invests.at("evidence").at(1) ==
          json({{"doc", kDocB}, {"source", "seeds/b.txt"},
                {"sentence", "Meta put more than $14 billion into Scale AI."}, {"start", 200}, {"end", 245},
                {"char_start", 198}, {"char_end", 243}, {"rule", "invests-in/put-into"}, {"confidence", 0.8},
                {"amount", {{"value", 14000000000}, {"currency", "USD"}, {"qualifier", "more-than"}, {"upper", nullptr}}},
                {"percent", nullptr}, {"date", nullptr}, {"modality", ""}}));

    CHECK(relations.at(4).at("percent") == 49);
    CHECK(relations.at(1).at("ended") == true);
    CHECK(relations.at(2).at("modality") == "planned");
    CHECK(relations.at(5).at("subject").at("name") == kQuoted);
    CHECK(relations.at(7).at("object").at("aliases") == json({"J&J"}));
}

TEST_CASE("The scorer reads the relations JSON") {
    TempDir dir;
    json gold = {{"entities", {{{"name", "Meta"}, {"aliases", {"Meta Platforms"}}},
                               {{"name", "Scale AI"}, {"aliases", json::array()}}}},
                 {"relations", {{{"subject", "Meta"}, {"predicate", "invests-in"}, {"object", "Scale AI"},
                                 {"amount_usd", {14.3e9}}}}}};
    WriteText(dir.path() / "gold.json", gold.dump());
    GraphModel graph = SampleGraph();
    graph.relations = {graph.relations[3]};  // only Meta invests-in Scale AI
    WriteText(dir.path() / "relations.json", ToRelationsJson(graph));

    Run run = RunCommand("/usr/bin/python3 " + Quoted(fs::path(KGRAPH_TESTS_DIR) / "eval/score.py") + " " +
                         Quoted(dir.path() / "gold.json") + " " + Quoted(dir.path() / "relations.json"));
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.output.find("attributes right: 1/1") != std::string::npos);
    CHECK(run.output.find("F1 1.000") != std::string::npos);
}

TEST_CASE("Every format is byte-identical for the same graph") {
    const GraphModel graph = SampleGraph();
    CHECK(ToDot(graph) == ToDot(graph));
    CHECK(ToJsonLd(graph) == ToJsonLd(graph));
    CHECK(ToRelationsJson(graph) == ToRelationsJson(graph));

    TempDir dir;
    REQUIRE(WriteSvg(graph, dir.path() / "a.svg").ok());
    REQUIRE(WriteSvg(graph, dir.path() / "b.svg").ok());
    CHECK(ReadText(dir.path() / "a.svg") == ReadText(dir.path() / "b.svg"));
}

TEST_CASE("An empty graph exports to valid, empty documents") {
    const GraphModel empty;
    CHECK(ParseDot(ToDot(empty)).shapes.empty());
    CHECK(json::parse(ToRelationsJson(empty)) == json::array());
    CHECK(CheckJsonLd(ToJsonLd(empty)).at("triples") == 0);
    TempDir dir;
    CHECK(WriteSvg(empty, dir.path() / "empty.svg").ok());
}

// --- Subgraphs ---

TEST_CASE("A subgraph around an entity keeps what lies within the given hops") {
    const GraphModel graph = SampleGraph();
    SubgraphOptions around_google;
    around_google.center = "Google";
    GraphModel one = *SelectSubgraph(graph, around_google);
    CHECK(EntityNames(one) == std::set<std::string>{"Google", "Scale AI"});
    CHECK(RelationKeys(one) == std::vector<std::string>{"Google customer-of Scale AI", "Google leaves Scale AI"});

    around_google.depth = 2;  // through Scale AI to its other neighbours
    CHECK(EntityNames(*SelectSubgraph(graph, around_google)) ==
          std::set<std::string>{"Alexandr Wang", "Google", "Meta", "Scale AI", "Turing"});

    around_google.depth = 0;  // the entity alone, kept only when asked for
    CHECK(SelectSubgraph(graph, around_google)->entities.empty());
    around_google.isolated = true;
    CHECK(EntityNames(*SelectSubgraph(graph, around_google)) == std::set<std::string>{"Google"});

    SubgraphOptions unknown;
    unknown.center = "Nobody";
    CHECK(SelectSubgraph(graph, unknown).status().IsNotFound());
}

TEST_CASE("A subgraph by relation type, degree and rank keeps relations whose ends it keeps") {
    GraphModel graph = SampleGraph();
    graph.entities.push_back({"Zeta Quiet", EntityType::kOrganization, {}});  // no relation at all

    SubgraphOptions all;
    CHECK(EntityNames(*SelectSubgraph(graph, all)).count("Zeta Quiet") == 0);
    all.isolated = true;
    CHECK(SelectSubgraph(graph, all)->entities.size() == graph.entities.size());

    SubgraphOptions customers;
    customers.predicates = {"customer-of"};
    CHECK(RelationKeys(*SelectSubgraph(graph, customers)) ==
          std::vector<std::string>{"Google customer-of Scale AI", "Société Générale customer-of Johnson & Johnson"});

    // Degrees: Scale AI 6, Google 2, Meta 2, Société Générale 2, the rest 1.
    SubgraphOptions busy;
    busy.min_degree = 2;
    GraphModel two = *SelectSubgraph(graph, busy);
    CHECK(EntityNames(two) == std::set<std::string>{"Google", "Meta", "Scale AI"});
    CHECK(two.relations.size() == 4);  // the Société Générale ones lost their other end

    SubgraphOptions top;
    top.top = 3;  // Scale AI, then the ties by name: Google, Meta
    CHECK(EntityNames(*SelectSubgraph(graph, top)) == std::set<std::string>{"Google", "Meta", "Scale AI"});
    top.predicates = {"competes-with", "ceo-of"};
    top.top = 2;
    CHECK(RelationKeys(*SelectSubgraph(graph, top)) == std::vector<std::string>{"Alexandr Wang ceo-of Scale AI"});
}

// --- DOT and SVG for people and tools ---

TEST_CASE("DOT quotes every node ID and carries the relation's data") {
    GraphModel graph = SampleGraph();
    graph.entities.push_back({"Publié", EntityType::kOrganization, {}});
    const std::string dot = ToDot(graph);
    // Every node and edge statement starts with a quoted ID.
    std::istringstream lines(dot);
    std::size_t statements = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("\t", 0) != 0 || line.rfind("\tgraph", 0) == 0 || line.rfind("\tnode", 0) == 0 ||
            line.rfind("\tedge", 0) == 0) {
            continue;
        }
        ++statements;
        INFO(line);
        CHECK(line.rfind("\t\"", 0) == 0);
        if (line.find(" -> ") != std::string::npos) CHECK(line.find("\" -> \"") != std::string::npos);
    }
    CHECK(statements == 9 + 8);
    CHECK(dot.find("\t\"Publié\" [") != std::string::npos);

    Agraph_t* parsed = agmemread(dot.c_str());
    REQUIRE(parsed);
    Agnode_t* meta = agnode(parsed, const_cast<char*>("Meta"), 0);
    REQUIRE(meta);
    CHECK(Attribute(meta, "type") == "Organization");
    CHECK(Attribute(agnode(parsed, const_cast<char*>("Alexandr Wang"), 0), "type") == "Person");
    std::map<std::string, std::map<std::string, std::string>> data;  // predicate -> attributes
    for (Agedge_t* e = agfstout(parsed, meta); e; e = agnxtout(parsed, e)) {
        for (const char* name : {"predicate", "amount", "currency", "percent", "date", "confidence", "evidence"}) {
            data[Attribute(e, "predicate")][name] = Attribute(e, name);
        }
    }
    agclose(parsed);
    CHECK(data.at("invests-in") == std::map<std::string, std::string>{{"predicate", "invests-in"},
                                                                        {"amount", "14300000000"},
                                                                        {"currency", "USD"},
                                                                        {"percent", ""},
                                                                        {"date", "2025-06"},
                                                                        {"confidence", "0.98"},
                                                                        {"evidence", "2"}});
    CHECK(data.at("owns-stake").at("percent") == "49");
}

TEST_CASE("The SVG has a legend, evidence tooltips and no edge label over a node") {
    TempDir dir;
    const fs::path svg = dir.path() / "graph.svg";
    REQUIRE(WriteSvg(SampleGraph(), svg).ok());
    json seen = RunPythonCheck("svg_check.py", {svg});
    CHECK(seen.at("edges") == 8);
    CHECK(seen.at("edge_tooltips") == 8);
    CHECK(seen.at("labels_on_nodes") == json::array());
    CHECK(seen.at("legend") == json({"legend", "Organization", "Person", "\u2192 ceo-of", "\u2192 competes-with",
                                     "\u2192 customer-of", "\u2192 invests-in", "\u2192 leaves", "\u2192 owns-stake",
                                     "\u2192 partners-with", "- - - \u00a0ended"}));
    const std::string text = ReadText(svg);
    CHECK(text.find("Meta put more than $14 billion into Scale AI. (seeds/b.txt)") != std::string::npos);
}

TEST_CASE("A picture too large to lay out quickly is refused at once") {
    GraphModel large;
    for (std::size_t i = 0; i <= kMaxPictureNodes; ++i) {
        large.entities.push_back({"Company " + std::to_string(100000 + i), EntityType::kOrganization, {}});
    }
    Result<std::string> svg = ToSvg(large);
    REQUIRE_FALSE(svg.ok());
    CHECK(svg.status().IsInvalidArgument());
    CHECK(svg.status().message().find(std::to_string(kMaxPictureNodes + 1) + " entities") != std::string::npos);
    large.entities.pop_back();
    large.entities.resize(3);  // a small one is drawn
    CHECK(ToSvg(large).ok());
}

// --- Formats other tools read ---

TEST_CASE("NetworkX reads the GraphML with every node, edge and typed attribute") {
    GraphModel graph = SampleGraph();
    graph.relations.push_back(Rel("Meta", "invests-in", "Nowhere <Inc>", {Said(kDocA, "s", 0, "r", 0.5)}));
    TempDir dir;
    WriteText(dir.path() / "graph.graphml", ToGraphMl(graph));
    json read = RunPythonCheck("graphml_check.py", {dir.path() / "graph.graphml"});

    const json& nodes = read.at("nodes");
    CHECK(nodes.size() == 9);
    CHECK(nodes.at("Meta") == json({{"name", "Meta"}, {"type", "Organization"}, {"aliases", "Meta Platforms; META"}}));
    CHECK(nodes.at(kQuoted).at("name") == kQuoted);
    CHECK(nodes.at("Société Générale").at("type") == "Organization");
    CHECK(nodes.at("Nowhere <Inc>") == json({{"name", "Nowhere <Inc>"}}));

    const json& edges = read.at("edges");
    REQUIRE(edges.size() == 9);
    std::map<std::string, json> by_key;
    for (const json& e : edges) {
        by_key[e[0].get<std::string>() + " " + e[2].at("predicate").get<std::string>() + " " + e[1].get<std::string>()] = e;
    }
    CHECK(by_key.at("Meta invests-in Nowhere <Inc>")[2].at("evidence") == 1);
    const json& invests = by_key.at("Meta invests-in Scale AI");
    CHECK(invests[2].at("amount") == 14.3e9);  // typed: a number, not text
    CHECK(invests[2].at("currency") == "USD");
    CHECK(invests[2].at("date") == "2025-06");
    CHECK(invests[2].at("confidence").get<double>() == Approx(0.98));
    CHECK(invests[2].at("evidence") == 2);
    CHECK(invests[2].at("sentence") == "Meta invested $14.3 billion in Scale AI in June 2025.");
    CHECK(by_key.at("Meta owns-stake Scale AI")[2].at("percent") == 49.0);
    CHECK(by_key.at("Google customer-of Scale AI")[2].at("ended") == true);
    CHECK(by_key.at("Google leaves Scale AI")[2].at("modality") == "planned");
    CHECK(by_key.at("Scale AI competes-with Turing")[2].at("symmetric") == true);
}

TEST_CASE("The CSV files have the headers and rows neo4j-admin import expects") {
    TempDir dir;
    WriteText(dir.path() / "nodes.csv", ToCsvNodes(SampleGraph()));
    WriteText(dir.path() / "relationships.csv", ToCsvRelationships(SampleGraph()));
    json read = RunPythonCheck("neo4j_csv_check.py", {dir.path() / "nodes.csv", dir.path() / "relationships.csv"});
    CHECK(read.at("problems") == json::array());
    CHECK(read.at("nodes").size() == 8);
    CHECK(read.at("nodes").at("Meta") == json({{"name", "Meta"},
                                               {"aliases", {"Meta Platforms", "META"}},
                                               {"labels", {"Entity", "Organization"}}}));
    CHECK(read.at("nodes").at(kQuoted).at("name") == kQuoted);
    const json& relationships = read.at("relationships");
    REQUIRE(relationships.size() == 8);
    CHECK(relationships.at(3) == json::array({"Meta", "INVESTS_IN", "Scale AI",
                                              {{"predicate", "invests-in"}, {"amount", 14.3e9}, {"currency", "USD"},
                                               {"date", "2025-06"}, {"confidence", 0.98}, {"ended", false},
                                               {"evidence", 2}}}));
    CHECK(relationships.at(1).at(3).at("ended") == true);
    CHECK(relationships.at(5).at(1) == "PARTNERS_WITH");
}

TEST_CASE("Loading the same JSON-LD twice adds no triples") {
    json rdf = CheckJsonLd(ToJsonLd(SampleGraph()));
    CHECK(rdf.at("twice") == rdf.at("triples"));
    json doc = json::parse(ToJsonLd(SampleGraph()));
    std::set<std::string> evidence_ids;
    std::size_t evidence = 0;
    for (const json& node : doc.at("@graph")) {
        for (const json& e : node.value("evidence", json::array())) {
            ++evidence;
            evidence_ids.insert(e.at("@id").get<std::string>());
        }
    }
    CHECK(evidence == 9);
    CHECK(evidence_ids.size() == 9);
    CHECK(evidence_ids.count("urn:kgraph:evidence:" + kDocB + ":200-245:invests-in%2Fput-into:Meta:invests-in:Scale%20AI"));
}

TEST_CASE("JSON-LD states founders and parents with schema.org properties too") {
    GraphModel graph = SampleGraph();
    Evidence founded = Said(kDocA, "Alexandr Wang founded Scale AI.", 500, "founder-of/verb", 0.9);
    Evidence unit = Said(kDocA, "Google, a unit of Alphabet, ...", 600, "subsidiary-of", 0.75);
    graph.entities.insert(graph.entities.begin() + 1, {"Alphabet", EntityType::kOrganization, {}});
    graph.relations.push_back(Rel("Alexandr Wang", "founder-of", "Scale AI", {founded}));
    graph.relations.push_back(Rel("Alphabet", "owns-stake", "Google", {unit}));
    json doc = json::parse(ToJsonLd(graph));
    std::map<std::string, json> entities;
    for (const json& node : doc.at("@graph")) {
        if (node.contains("name")) entities[node.at("name")] = node;
    }
    CHECK(entities.at("Scale AI").at("founder") == json::array({"urn:kgraph:entity:Alexandr%20Wang"}));
    CHECK(entities.at("Alexandr Wang").at("founderOf") == json::array({"urn:kgraph:entity:Scale%20AI"}));
    CHECK(entities.at("Google").at("parentOrganization") == json::array({"urn:kgraph:entity:Alphabet"}));
    CHECK(entities.at("Alphabet").at("subOrganization") == json::array({"urn:kgraph:entity:Google"}));
    // A 49% stake makes no parent.
    CHECK_FALSE(entities.at("Scale AI").contains("parentOrganization"));
    CHECK(doc.at("@context").at("founder").at("@id") == "schema:founder");
}
