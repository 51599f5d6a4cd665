#include "corpus.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string_view>
#include <unordered_set>

namespace kgraph::bench {
namespace {

constexpr std::size_t kOrganizations = 4000;
constexpr double kZipfExponent = 1.0;
// Organizations an article is about; every sentence draws its roles from them,
// so an article keeps restating the same few relations, as the seeds do.
constexpr std::size_t kCastSize = 6;

constexpr std::array<std::string_view, 40> kSyllables = {
    "ze", "vor", "ka", "lu", "tri", "nex", "ora", "qui", "bel", "dra", "mo", "sy", "fen", "tal",
    "rix", "ve", "cor", "pax", "lin", "to", "gra", "mi", "sol", "ar", "den", "quo", "ny", "el",
    "vast", "or", "ion", "ter", "plex", "sa", "nu", "kor", "ith", "ex", "an", "do"};
constexpr std::array<std::string_view, 12> kOrganizationSuffixes = {
    "Inc", "Labs", "AI", "Systems", "Technologies", "Corp", "Group", "Networks", "Capital", "Robotics", "Data", "Holdings"};
constexpr std::array<std::string_view, 64> kFirstNames = {
    "Maria", "James", "Wei", "Aisha", "Carlos", "Yuki", "Olivia", "Rahul", "Sofia", "Daniel", "Fatima", "Lucas",
    "Emma", "Kenji", "Amara", "Noah", "Elena", "Omar", "Chloe", "Ivan", "Priya", "Mateo", "Hana", "Samuel",
    "Leila", "Thomas", "Mei", "David", "Zara", "Pierre", "Ingrid", "Kwame", "Laura", "Arjun", "Nadia", "Felix",
    "Grace", "Tariq", "Anna", "Diego", "Sara", "Jonas", "Lina", "Marcus", "Julia", "Ravi", "Clara", "Ethan",
    "Alexandr", "Manu", "Jason", "Konrad", "Ruth", "Paolo", "Nina", "Hugo", "Irene", "Victor", "Alice", "Kofi",
    "Helen", "Jorge", "Mira", "Oscar"};
constexpr std::array<std::string_view, 64> kLastNames = {
    "Okafor", "Chen", "Garcia", "Tanaka", "Smith", "Kowalski", "Haddad", "Novak", "Rossi", "Patel", "Müller",
    "Silva", "Nguyen", "Johansson", "Mensah", "Dubois", "Ivanova", "Kim", "Moreau", "Singh", "Lopez", "Sato",
    "Fischer", "Costa", "Ahmed", "Brown", "Larsen", "Yilmaz", "Park", "Schmidt", "Wang", "Sharma", "Droege",
    "Siddharth", "Wolfenstein", "Okoye", "Nakamura", "Bianchi", "Hughes", "Rahman", "Petrov", "Lindqvist",
    "Adeyemi", "Kaur", "Ferreira", "Hoffmann", "Cohen", "Alvarez", "Murphy", "Takahashi", "Nieminen", "Osei",
    "Kovacs", "Reyes", "Walsh", "Suzuki", "Bauer", "Mendes", "Ortiz", "Varga", "Lam", "Berg", "Clarke", "Das"};

constexpr std::array<std::string_view, 12> kFields = {
    "data labeling", "machine learning", "cloud computing", "robotics", "chip design", "autonomous driving",
    "cybersecurity", "computer vision", "speech recognition", "drug discovery", "battery storage", "payments"};
constexpr std::array<std::string_view, 5> kDescriptions = {
    "start-up", "firm", "company", "data infrastructure provider", "software maker"};
constexpr std::array<std::string_view, 5> kWeekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kHeadings = {
    "Understanding the Deal", "Challenges Ahead", "Competitors benefit from the uncertainty",
    "The Future of AI Partnerships", "A Race for Innovation", "Responses to Regulatory Concerns",
    "Impact on the Technology Ecosystem"};
constexpr std::array<std::string_view, 6> kAmountQualifiers = {"", "", "", "roughly ", "in excess of ", "around "};

// A sentence shape. Placeholders: {A} {B} {C} {D} organizations (distinct),
// {P} the CEO of {B}, {F} the founder of {B}, {TICKER} {A}'s ticker, {AMT}
// {PCT} {DATE} {MONTH} {YEAR} {FIELD} {DESC} {DAY} {AUTHOR} {HEADING}.
struct Template {
    std::string_view text;
    int relations;  // relation statements the sentence makes
};

constexpr std::array<Template, 35> kRelationSentences = {{
    // invests-in
    {"{A} has invested {AMT} in {B}, a {DESC} specializing in {FIELD}.", 1},
    {"{A} invests {AMT} in {B} to strengthen its position in {FIELD}.", 1},
    {"{A} recently announced an investment of {AMT} in {B}.", 1},
    {"In {MONTH}, {A} invested {AMT} in {B} while also maintaining a minority position.", 1},
    {"On {DATE}, {A} said it had invested {AMT} in {B}.", 1},
    {"{A} is dedicating {AMT} to {B} to expand its work on {FIELD}.", 1},
    {"With a spectacular investment of {AMT}, {A} acquired a {PCT} share of {B}.", 2},
    {"{A}, known on the NASDAQ as {TICKER}, is investing {AMT} in {B}, a {DESC} specializing in {FIELD}.", 1},
    // owns-stake
    {"This investment grants {A} a {PCT} ownership in {B}.", 1},
    {"By taking a minority stake of {PCT} in {B}, {A} positions itself to maximize its influence.", 1},
    {"{A}’s acquisition of a {PCT} stake in {B} is a significant development in the industry.", 1},
    {"{A} will hold only {PCT} ownership of {B}.", 1},
    // ceo-of
    {"{P}, CEO of {B}, said the company would keep its focus on {FIELD}.", 1},
    {"{B} CEO {P} said the deal marks a turning point.", 1},
    {"{B} CEO {P} told Reuters that demand for {FIELD} keeps growing.", 1},
    {"{P}, chief executive of {B}, declined to comment on the report.", 1},
    // founder-of
    {"{F}, the founder of {B}, will join {A} as an executive.", 1},
    {"{B} founder {F} is considered one of the youngest billionaires in the industry.", 1},
    {"{F}, who founded {B} in {YEAR}, leads a new research team.", 1},
    {"The acquisition’s nuances become clearer given {A}’s desire to bring {F}, the founder of {B}, under its wing.", 1},
    // customer-of
    {"{A} is one of {B}'s largest customers.", 1},
    {"{A}, the largest customer of {B} so far, is reviewing its contracts.", 1},
    {"{B} counts {A} among its biggest customers.", 1},
    {"{A} is one of {B}’s largest customers, but {B} also provides services to rivals of {A}.", 1},
    // leaves
    {"{A} has expressed intentions to end its association with {B}.", 1},
    {"In addition to {C}, {A} also withdraws from working with {B}.", 2},
    {"{A} ends its association with {B} after the deal.", 1},
    {"{A} is planning the complete exit from its cooperation with {B}.", 1},
    // competes-with
    {"{A} faces fierce competition from rivals such as {B}, {C}, and {D}.", 3},
    {"Competitors of {A} such as {B} and {C} report a significant increase in customer inquiries.", 2},
    {"{A} competes with {B} in the market for {FIELD}.", 1},
    {"The move comes in response to the rise of competitors such as {B}, {C}, and {D}.", 2},
    // two relations in one sentence
    {"{A} invested {AMT} in {B} and {C} is one of {B}'s largest customers.", 2},
    {"{P}, CEO of {B}, said {C} ends its association with {B}.", 2},
    {"{A} (NASDAQ: {TICKER}) acquired a {PCT} stake in {B} for {AMT}.", 2},
}};

constexpr std::array<Template, 16> kFillerSentences = {{
    {"The deal could be announced as soon as {DAY}.", 0},
    {"{A} and {B} declined to comment.", 0},
    {"Founded in {YEAR}, {B}’s primary business is in {FIELD}.", 0},
    {"The ramifications of this investment will not be limited to {A}.", 0},
    {"These decisions primarily stem from concerns over potential leaks of proprietary strategy information.", 0},
    {"Competition authorities are closely monitoring the sector, raising concerns about market dominance.", 0},
    {"The quality of this data is considered crucial for the development of advanced models.", 0},
    {"Whether this bold gamble will translate into financial returns, only time will tell.", 0},
    {"Shares of {A} (NASDAQ: {TICKER}) rose in early trading on {DAY}.", 0},
    {"{B} generated sales of around {AMT} in {YEAR}.", 0},
    {"Analysts expect the market for {FIELD} to double within five years.", 0},
    {"The company operates an extensive network of employees, many of them freelancers.", 0},
    {"This raises an intriguing question about the strategy behind the move.", 0},
    {"Reuters suggests that the investment was less about financial gain and more about talent.", 0},
    {"The development shows how quickly alliances can shift in the industry.", 0},
    {"Efficiency and ethics lie at the heart of discussions surrounding {FIELD}.", 0},
}};

constexpr std::array<Template, 5> kHeadlines = {{
    {"{A} invests {AMT} in {B} to strengthen its position in {FIELD}", 1},
    {"{A} takes {PCT} stake in {B}", 1},
    {"{C} and {D} retire from {B} over {A}’s billions", 2},
    {"{A}’s Unconventional Acquisition of {B}", 0},
    {"Why {A} is betting on {FIELD}", 0},
}};

constexpr std::array<std::string_view, 4> kHeaderFurniture = {
    "Published on: {DATE} / update from: {DATE} - Author: {AUTHOR}", "Language selection 📢", "|",
    "Suitable for:"};
constexpr std::array<std::string_view, 5> kFooterFurniture = {
    "Leave A Reply", "© {YEAR} {A} News. All rights reserved.", "Upgrade to continue reading.",
    "For more information, visit the source: Explore More….", "Exit mobile version"};

std::string Capitalized(std::string word) {
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return word;
}

std::string UniqueOrganizationBase(Random& random, std::unordered_set<std::string>& taken) {
    for (;;) {
        std::string base;
        const int syllables = random.Chance(0.7) ? 2 : 3;
        for (int i = 0; i < syllables; ++i) base += random.Pick(kSyllables);
        if (taken.insert(base).second) return Capitalized(std::move(base));
    }
}

// Four capitals from the name, varied until unused: a shared ticker would make
// the store merge two organizations through their aliases.
std::string UniqueTicker(const std::string& base, Random& random, std::unordered_set<std::string>& taken) {
    std::string ticker;
    for (char c : base.substr(0, 4)) ticker += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    while (!taken.insert(ticker).second) ticker[1 + random.Below(3)] = static_cast<char>('A' + random.Below(26));
    return ticker;
}

std::vector<std::string> ShuffledPeople(Random& random) {
    std::vector<std::string> people;
    for (std::string_view first : kFirstNames) {
        for (std::string_view last : kLastNames) people.push_back(std::string(first) + " " + std::string(last));
    }
    for (std::size_t i = people.size() - 1; i > 0; --i) std::swap(people[i], people[random.Below(i + 1)]);
    return people;
}

// An independent stream per article, so that article i does not depend on
// how many articles came before it.
Random ArticleRandom(std::uint64_t seed, std::size_t index) {
    return Random(Random(seed).Next() ^ Random(0x5eed0000ULL + index).Next());
}

// Sentence roles, as organization ranks.
struct Roles {
    std::size_t a, b, c, d;
};

class ArticleWriter {
public:
    ArticleWriter(const World& world, Random& random, std::string& out) : world_(world), random_(random), out_(out) {
        DrawCast();
    }

    // Writes the template with fresh roles drawn from the cast; returns its relation count.
    int Write(const Template& sentence) {
        Expand(sentence.text, DrawRoles());
        return sentence.relations;
    }
    void WriteLine(std::string_view text) {
        Expand(text, DrawRoles());
        out_ += '\n';
    }

private:
    void DrawCast() {
        for (std::size_t filled = 0; filled < kCastSize;) {
            const std::size_t rank = world_.popularity.Draw(random_);
            if (std::find(cast_.begin(), cast_.begin() + filled, rank) == cast_.begin() + filled) cast_[filled++] = rank;
        }
    }

    Roles DrawRoles() {
        std::array<std::size_t, kCastSize> order = cast_;
        for (std::size_t i = 0; i < 4; ++i) std::swap(order[i], order[i + random_.Below(kCastSize - i)]);
        return {order[0], order[1], order[2], order[3]};
    }

    void Expand(std::string_view text, const Roles& roles) {
        while (!text.empty()) {
            const std::size_t open = text.find('{');
            out_ += text.substr(0, open);
            if (open == std::string_view::npos) return;
            const std::size_t close = text.find('}', open);
            AppendPlaceholder(text.substr(open + 1, close - open - 1), roles);
            text.remove_prefix(close + 1);
        }
    }

    void AppendPlaceholder(std::string_view name, const Roles& roles) {
        const auto& orgs = world_.organizations;
        if (name == "A") out_ += orgs[roles.a].name;
        else if (name == "B") out_ += orgs[roles.b].name;
        else if (name == "C") out_ += orgs[roles.c].name;
        else if (name == "D") out_ += orgs[roles.d].name;
        else if (name == "P") out_ += world_.people[orgs[roles.b].ceo];
        else if (name == "F") out_ += world_.people[orgs[roles.b].founder];
        else if (name == "TICKER") out_ += orgs[roles.a].ticker;
        else if (name == "AMT") AppendAmount();
        else if (name == "PCT") AppendPercent();
        else if (name == "DATE") AppendDate();
        else if (name == "MONTH") AppendMonth();
        else if (name == "YEAR") out_ += std::to_string(random_.Between(2010, 2025));
        else if (name == "FIELD") out_ += random_.Pick(kFields);
        else if (name == "DESC") out_ += random_.Pick(kDescriptions);
        else if (name == "DAY") out_ += random_.Pick(kWeekdays);
        else if (name == "AUTHOR") out_ += random_.Pick(world_.people);
        else if (name == "HEADING") out_ += random_.Pick(kHeadings);
    }

    // The written forms found in the seeds: "$14.3 billion", "14 billion
    // dollars", "$ 200 million", sometimes hedged ("in excess of").
    void AppendAmount() {
        out_ += random_.Pick(kAmountQualifiers);
        const bool billions = random_.Chance(0.5);
        std::string number = billions ? std::to_string(random_.Between(1, 30)) : std::to_string(random_.Between(5, 95) * 10);
        if (billions && random_.Chance(0.4)) number += "." + std::to_string(random_.Between(1, 9));
        const std::string_view unit = billions ? " billion" : " million";
        switch (random_.Below(4)) {
            case 0: out_ += "$"; out_ += number; out_ += unit; break;
            case 1: out_ += number; out_ += unit; out_ += " dollars"; break;
            case 2: out_ += "$ "; out_ += number; out_ += unit; break;
            default: out_ += "US$"; out_ += number; out_ += unit; break;
        }
    }

    // "49%" or "49 percent".
    void AppendPercent() {
        out_ += std::to_string(random_.Between(2, 60));
        if (random_.Chance(0.1)) out_ += ".5";
        out_ += random_.Chance(0.5) ? "%" : " percent";
    }

    // "June 23, 2025".
    void AppendDate() {
        out_ += random_.Pick(kMonths);
        out_ += " " + std::to_string(random_.Between(1, 28)) + ", " + std::to_string(random_.Between(2015, 2025));
    }

    // "June 2025" or "2025".
    void AppendMonth() {
        if (random_.Chance(0.5)) {
            out_ += random_.Pick(kMonths);
            out_ += ' ';
        }
        out_ += std::to_string(random_.Between(2015, 2025));
    }

    const World& world_;
    Random& random_;
    std::string& out_;
    std::array<std::size_t, kCastSize> cast_{};
};

// Relation and filler sentences in random order: ~12 relation sentences per
// article so that 100,000 articles make well over a million statements.
std::vector<const Template*> ShuffledBody(Random& random) {
    std::vector<const Template*> body;
    const int relation_sentences = random.Between(10, 14);
    const int filler_sentences = random.Between(5, 10);
    for (int i = 0; i < relation_sentences; ++i) body.push_back(&random.Pick(kRelationSentences));
    for (int i = 0; i < filler_sentences; ++i) body.push_back(&random.Pick(kFillerSentences));
    for (std::size_t i = body.size() - 1; i > 0; --i) std::swap(body[i], body[random.Below(i + 1)]);
    return body;
}

}  // namespace

World MakeWorld(std::uint64_t seed) {
    Random random(seed);
    World world{{}, ShuffledPeople(random), ZipfSampler(kOrganizations, kZipfExponent)};
    std::unordered_set<std::string> bases, tickers;
    for (std::size_t rank = 0; rank < kOrganizations; ++rank) {
        Organization org;
        const std::string base = UniqueOrganizationBase(random, bases);
        org.ticker = UniqueTicker(base, random, tickers);
        org.name = random.Chance(0.75) ? base + " " + std::string(random.Pick(kOrganizationSuffixes)) : base;
        // Distinct CEOs (there are more people than organizations); half of the
        // founders still run their company, like Alexandr Wang at Scale AI.
        org.ceo = rank;
        org.founder = random.Chance(0.5) ? rank : random.Below(world.people.size());
        world.organizations.push_back(std::move(org));
    }
    return world;
}

std::size_t AppendArticle(const World& world, std::uint64_t seed, std::size_t index, std::string& out) {
    Random random = ArticleRandom(seed, index);
    ArticleWriter writer(world, random, out);
    std::size_t relations = 0;

    if (random.Chance(0.5)) writer.WriteLine(random.Pick(kHeaderFurniture));
    relations += writer.Write(random.Pick(kHeadlines));
    out += "\n\n";

    const std::vector<const Template*> body = ShuffledBody(random);
    for (std::size_t next = 0; next < body.size();) {
        if (next > 0 && random.Chance(0.25)) writer.WriteLine("### {HEADING}\n");
        const std::size_t paragraph_end = std::min(body.size(), next + random.Between(2, 5));
        for (; next < paragraph_end; ++next) {
            relations += writer.Write(*body[next]);
            out += next + 1 < paragraph_end ? " " : "\n\n";
        }
    }
    if (random.Chance(0.5)) writer.WriteLine(random.Pick(kFooterFurniture));
    return relations;
}

std::string ArticlePath(std::size_t index) {
    char path[32];
    std::snprintf(path, sizeof path, "%04zu/%07zu.txt", index / 1000, index);
    return path;
}

}  // namespace kgraph::bench
