#include "mention_resolver.h"

#include <algorithm>
#include <map>

namespace kgraph::extract {
namespace {

// The words of a NameKey, which separates them by single spaces. (A string
// stream costs a locale and more than the rest of clustering.)
std::vector<std::string> Words(const std::string& key) {
    std::vector<std::string> words;
    for (std::size_t begin = 0; begin < key.size();) {
        const std::size_t end = std::min(key.find(' ', begin), key.size());
        words.push_back(key.substr(begin, end - begin));
        begin = end + 1;
    }
    return words;
}

struct NameGroup {
    std::string key;
    std::vector<std::string> words;
    std::vector<std::pair<std::string, std::size_t>> surfaces;  // first-seen order, with counts
    std::vector<std::string> raw_forms;
    std::size_t mentions = 0;
    MentionType cue = MentionType::kUnknown;
    bool confident = false;
    bool product = false;
    int root = -1;
    // Where it is named, neither in brackets nor as a possessive, in a
    // sentence that says one firm is part of another (MentionsFound).
    std::vector<std::size_t> sentences;
};

// Among case variants ("Scale AI", "Scale Ai", "SCALE AI"), the spelling a
// name's owner uses: not shouted in capitals, with its acronyms capitalized
// ("OpenAI" over "Openai", "xAI" over "Xai"), then the most frequent.
std::string PreferredSpelling(const std::vector<std::pair<std::string, std::size_t>>& surfaces) {
    auto rank = [](const std::pair<std::string, std::size_t>& s) {
        const auto upper = std::count_if(s.first.begin(), s.first.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        const auto lower = std::count_if(s.first.begin(), s.first.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        return std::make_tuple(lower > 0, upper, s.second);
    };
    return std::max_element(surfaces.begin(), surfaces.end(),
                            [&](const auto& a, const auto& b) { return rank(a) < rank(b); })
        ->first;
}

bool Contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

constexpr std::size_t kMaxCandidates = 6;
constexpr std::size_t kSentencesBack = 3;

// "the launch of TKO, a company that will ... TKO began trading on the New
// York Stock Exchange. Endeavor will own 51% of the new company": a
// description refers to the candidate a name's apposition described with
// the same word, before the most recent or the subject.
void PreferDescribedAlike(const MentionsFound& found, const std::vector<int>& entity_of_mention, std::size_t reference,
                          std::vector<int>& candidates) {
    const int kind = found.mentions[reference].kind_word;
    if (kind < 0 || candidates.size() < 2) return;
    for (std::size_t m = reference; m-- > 0;) {
        const Mention& name = found.mentions[m];
        if (found.mentions[reference].sentence - name.sentence > kSentencesBack) return;
        if (name.reference || name.kind_word != kind) continue;
        const auto described = std::find(candidates.begin(), candidates.end(), entity_of_mention[m]);
        if (described != candidates.end()) std::rotate(candidates.begin(), described, described + 1);
        return;
    }
}

}  // namespace

std::vector<int> MentionResolver::ClusterNames(const MentionsFound& found, std::vector<DocumentEntity>& entities) const {
    std::vector<NameGroup> groups;
    std::map<std::string, int> group_of_key;
    std::vector<int> group_of_mention(found.mentions.size(), -1);
    for (std::size_t m = 0; m < found.mentions.size(); ++m) {
        const Mention& mention = found.mentions[m];
        if (mention.reference) continue;
        const std::string key = NameKey(mention.surface);
        if (key.empty()) continue;
        auto [it, inserted] = group_of_key.emplace(key, static_cast<int>(groups.size()));
        if (inserted) groups.push_back({key, Words(key), {}, {}, 0, MentionType::kUnknown, false, false, -1, {}});
        NameGroup& g = groups[static_cast<std::size_t>(it->second)];
        group_of_mention[m] = it->second;
        ++g.mentions;
        if (!mention.bracketed && !mention.possessive && found.part_sentences[mention.sentence]) {
            g.sentences.push_back(mention.sentence);
        }
        g.confident = g.confident || mention.confident;
        g.product = g.product || mention.product;
        if (g.cue == MentionType::kUnknown || mention.cue == MentionType::kPerson) g.cue = mention.cue == MentionType::kUnknown ? g.cue : mention.cue;
        auto surface = std::find_if(g.surfaces.begin(), g.surfaces.end(), [&](const auto& s) { return s.first == mention.surface; });
        if (surface == g.surfaces.end()) {
            g.surfaces.emplace_back(mention.surface, 1);
        } else {
            ++surface->second;
        }
        if (mention.raw.find('\'') == std::string::npos && mention.raw.find("\xE2\x80\x99") == std::string::npos &&
            mention.raw != mention.surface && std::find(g.raw_forms.begin(), g.raw_forms.end(), mention.raw) == g.raw_forms.end()) {
            g.raw_forms.push_back(mention.raw);
        }
    }

    // Longer names first, so that every short form finds its full name's root.
    std::vector<std::size_t> order(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        // Of two names of as many words, the one written longer first: "Procter & Gamble" before "P&G".
        return std::make_pair(groups[a].words.size(), groups[a].key.size()) >
               std::make_pair(groups[b].words.size(), groups[b].key.size());
    });
    auto all_suffixes = [&](const std::vector<std::string>& words, std::size_t from) {
        for (std::size_t i = from; i < words.size(); ++i) {
            if (!org_suffix_.Contains(words[i])) return false;
        }
        return true;
    };
    // "AMD" for "Advanced Micro Devices", "TSMC" for "Taiwan Semiconductor
    // Manufacturing Co", "P&G" for "Procter & Gamble": a name written in
    // capitals (with "&" or full stops between them) that spells the
    // initials of a longer name's words, with or without its company suffixes.
    auto is_acronym_of = [&](const NameGroup& shorter, const NameGroup& longer) {
        const std::string& written = shorter.surfaces.front().first;
        std::string letters;
        for (const char c : written) {
            if (c >= 'A' && c <= 'Z') {
                letters += static_cast<char>(c - 'A' + 'a');
            } else if (c != '&' && c != '.') {
                return false;
            }
        }
        if (letters.size() < 2 || longer.words.size() < 2) return false;
        std::string initials;
        for (const std::string& word : longer.words) {
            if (!word.empty()) initials += word.front();
        }
        std::size_t without_suffixes = longer.words.size();
        while (without_suffixes > 1 && org_suffix_.Contains(longer.words[without_suffixes - 1])) --without_suffixes;
        return letters == initials || letters == initials.substr(0, without_suffixes);
    };
    // How surely `shorter` is a short form of `longer`: 2 for the name
    // without its company suffix ("Scale" for "Scale AI", "Meta" for "Meta
    // Platforms"; not a person's), 1 for a surname ("Wang" for "Alexandr Wang"; not "AI" for
    // "Scale AI") or a person's first name ("Sam" for "Sam Altman"), 0 for
    // none. "Hess" beside both "Hess Corp" and "John Hess" is the company.
    // "Bollore Inc. is the wholly owned subsidiary of Bollore", "IDG
    // Business Media GmbH, the German subsidiary of IDG", "the group, called
    // Microsoft AI, and ... Microsoft CEO Satya Nadella": a firm's name and
    // the start of it, written alike, in one sentence that says one firm is
    // part of another, and neither as an alias in brackets, name two firms;
    // elsewhere a text names a firm in full and shortens it later, in the
    // same sentence too ("an agreement with Halcyra Inc. under which
    // Halcyra will provide ..."). An alias written otherwise ("Meta Platforms, known
    // on the NASDAQ as META"), spelling initials ("P&G") or a possessive
    // looking back ("Alaska Air Group has acquired Hawaiian Airlines, ...
    // bolsters Alaska Air's fleet") is the firm's.
    auto named_together = [](const NameGroup& shorter, const NameGroup& longer) {
        if (longer.surfaces.front().first.rfind(shorter.surfaces.front().first, 0) != 0) return false;
        return std::any_of(shorter.sentences.begin(), shorter.sentences.end(), [&](std::size_t s) {
            return std::find(longer.sentences.begin(), longer.sentences.end(), s) != longer.sentences.end();
        });
    };
    auto abbreviates = [&](const NameGroup& shorter, const NameGroup& longer) {
        if (is_acronym_of(shorter, longer)) return 1;
        const bool person = shorter.cue == MentionType::kPerson || longer.cue == MentionType::kPerson;
        if (!person && named_together(shorter, longer)) return 0;
        if (shorter.words.size() >= longer.words.size()) return 0;
        // "Rebecca Kraus" is no short form of "Rebecca Kraus & Associates
        // LLC": a person's name inside a firm's names the firm's founder.
        if (std::equal(shorter.words.begin(), shorter.words.end(), longer.words.begin()) &&
            all_suffixes(longer.words, shorter.words.size()) && shorter.cue != MentionType::kPerson) {
            return 2;
        }
        if (shorter.words.size() != 1 || shorter.cue == MentionType::kOrganization) return 0;
        const bool surname = longer.cue != MentionType::kOrganization && shorter.words[0] == longer.words.back() &&
                             !org_suffix_.Contains(shorter.words[0]);
        const bool first_name = shorter.cue == MentionType::kPerson && longer.cue == MentionType::kPerson &&
                                shorter.words[0] == longer.words.front();
        // "Exxon" for "Exxon Mobil Corp", "Activision" for "Activision
        // Blizzard": a firm's first word, when it is no English word ("Apple"
        // beside "Apple Music" may be the company, not the product).
        const bool firm_first_word = shorter.confident && !shorter.product && shorter.cue != MentionType::kPerson &&
                                     longer.cue != MentionType::kPerson && shorter.words[0] == longer.words.front();
        return surname || first_name || firm_first_word ? 1 : 0;
    };
    for (std::size_t i : order) {
        NameGroup& g = groups[i];
        int best = -1, best_strength = 0;
        for (std::size_t j : order) {
            const NameGroup& longer = groups[j];
            const int strength = longer.root < 0 ? 0 : abbreviates(g, longer);
            if (strength == 0 || strength < best_strength) continue;
            if (best < 0 || strength > best_strength ||
                groups[static_cast<std::size_t>(longer.root)].mentions > groups[static_cast<std::size_t>(best)].mentions) {
                best = longer.root;
                best_strength = strength;
            }
        }
        g.root = best >= 0 ? best : static_cast<int>(i);
    }

    // One entity per root, in order of first mention.
    std::vector<int> entity_of_group(groups.size(), -1);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::size_t root = static_cast<std::size_t>(groups[i].root);
        if (entity_of_group[root] < 0) {
            entity_of_group[root] = static_cast<int>(entities.size());
            entities.push_back({PreferredSpelling(groups[root].surfaces), {}, MentionType::kUnknown, false, false, 0});
        }
        entity_of_group[i] = entity_of_group[root];
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        DocumentEntity& e = entities[static_cast<std::size_t>(entity_of_group[i])];
        const NameGroup& g = groups[i];
        e.mentions += g.mentions;
        e.confident = e.confident || g.confident;
        e.product = e.product || g.product;
        if (g.cue == MentionType::kPerson || e.type == MentionType::kUnknown) e.type = g.cue == MentionType::kUnknown ? e.type : g.cue;
        auto add_alias = [&](const std::string& alias) {
            if (alias != e.name && std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) e.aliases.push_back(alias);
        };
        for (const auto& [surface, count] : g.surfaces) add_alias(surface);
        for (const std::string& raw : g.raw_forms) add_alias(raw);
    }
    std::vector<int> entity_of_mention(found.mentions.size(), -1);
    for (std::size_t m = 0; m < found.mentions.size(); ++m) {
        if (group_of_mention[m] >= 0) entity_of_mention[m] = entity_of_group[static_cast<std::size_t>(group_of_mention[m])];
    }
    for (const Ticker& ticker : found.tickers) {
        const int e = entity_of_mention[ticker.mention];
        if (e >= 0) {
            auto& aliases = entities[static_cast<std::size_t>(e)].aliases;
            if (std::find(aliases.begin(), aliases.end(), ticker.alias) == aliases.end()) aliases.push_back(ticker.alias);
        }
    }
    return entity_of_mention;
}

ResolvedMentions MentionResolver::Resolve(const MentionsFound& found) const {
    ResolvedMentions out;
    out.entity_of_mention = ClusterNames(found, out.entities);
    out.candidates_of_mention.resize(found.mentions.size());

    auto type_fits = [&](int entity, MentionType wanted) {
        const MentionType t = out.entities[static_cast<std::size_t>(entity)].type;
        return wanted == MentionType::kPerson ? t == MentionType::kPerson : t != MentionType::kPerson;
    };
    for (std::size_t m = 0; m < found.mentions.size(); ++m) {
        const Mention& ref = found.mentions[m];
        if (!ref.reference) continue;
        std::vector<int>& candidates = out.candidates_of_mention[m];
        // "Lilia ... when she founded ...": with no name known to be a
        // person's near, "she" is the name of no known type.
        bool untyped_person = false;
        auto fits = [&](int e) {
            return untyped_person ? out.entities[static_cast<std::size_t>(e)].type == MentionType::kUnknown
                                  : type_fits(e, ref.cue);
        };
        auto consider = [&](std::size_t other) {
            const int e = out.entity_of_mention[other];
            if (e >= 0 && fits(e) && !Contains(candidates, e) && candidates.size() < kMaxCandidates) candidates.push_back(e);
        };
        // Names before the reference, sentence by sentence going back. A
        // pronoun, and a description opening its sentence ("The startup,
        // which was founded ..."), continue the topic: they prefer each
        // sentence's first name (its subject). A description elsewhere
        // prefers the most recent name ("its collaboration with the
        // data-labeling firm").
        const bool pronoun = ref.end_token - ref.first_token == 1 && ref.raw.size() <= 3;
        const bool prefers_subject = pronoun || ref.sentence_initial;
        auto search = [&] {
            std::size_t sentence_start = m;
            for (std::size_t back = 0; back <= kSentencesBack; ++back) {
                if (sentence_start == 0) break;
                const std::size_t sentence = found.mentions[sentence_start - 1].sentence;
                if (ref.sentence - sentence > kSentencesBack) break;
                std::size_t first = sentence_start;
                while (first > 0 && found.mentions[first - 1].sentence == sentence) --first;
                if (prefers_subject) {
                    for (std::size_t o = first; o < sentence_start; ++o) consider(o);
                } else {
                    for (std::size_t o = sentence_start; o > first; --o) consider(o - 1);
                }
                sentence_start = first;
            }
        };
        search();
        if (candidates.empty() && pronoun && ref.cue == MentionType::kPerson) {
            untyped_person = true;
            search();
        }
        PreferDescribedAlike(found, out.entity_of_mention, m, candidates);
    }
    return out;
}

DiscourseContext::DiscourseContext(const SegmentedText& text, const MentionsFound& found, const ResolvedMentions& resolved,
                                   std::vector<int> heading_of_line)
    : resolved_(resolved), entities_of_sentence_(text.sentences.size()), names_of_line_(text.lines.size()),
      line_of_sentence_(text.sentences.size()), document_count_(resolved.entities.size()),
      heading_of_line_(std::move(heading_of_line)) {
    for (std::size_t s = 0; s < text.sentences.size(); ++s) line_of_sentence_[s] = text.sentences[s].line;
    std::vector<std::map<int, std::size_t>> counts(text.lines.size());
    for (std::size_t m = 0; m < found.mentions.size(); ++m) {
        const int e = resolved.entity_of_mention[m];
        if (e < 0) continue;
        entities_of_sentence_[found.mentions[m].sentence].push_back(e);
        ++counts[text.sentences[found.mentions[m].sentence].line][e];
        ++document_count_[static_cast<std::size_t>(e)];
    }
    for (std::size_t l = 0; l < counts.size(); ++l) names_of_line_[l].assign(counts[l].begin(), counts[l].end());
}

// Every mention in the document weighs 1, in the paragraph and its headline
// 2 more. A line's names are counted once, when the context is made: a line
// of a megabyte costs no more per sentence than a thousand short ones.
int DiscourseContext::Topic(std::size_t line, const std::vector<int>& excluded) const {
    std::vector<std::size_t> score(document_count_);
    auto weigh_line = [&](std::size_t l) {
        for (const auto& [entity, count] : names_of_line_[l]) score[static_cast<std::size_t>(entity)] += 2 * count;
    };
    weigh_line(line);
    if (heading_of_line_[line] >= 0) weigh_line(static_cast<std::size_t>(heading_of_line_[line]));
    int best = -1;
    for (std::size_t e = 0; e < score.size(); ++e) {
        if (resolved_.entities[e].type == MentionType::kPerson || Contains(excluded, static_cast<int>(e))) continue;
        if (best < 0 || score[e] > score[static_cast<std::size_t>(best)]) best = static_cast<int>(e);
    }
    return best >= 0 && score[static_cast<std::size_t>(best)] > 0 ? best : -1;
}

int DiscourseContext::TopicElsewhere(std::size_t sentence, std::vector<int> excluded) const {
    const std::vector<int>& named = entities_of_sentence_[sentence];
    excluded.insert(excluded.end(), named.begin(), named.end());
    return Topic(line_of_sentence_[sentence], excluded);
}

int DiscourseContext::SentenceSubject(std::size_t sentence, const std::vector<int>& excluded) const {
    for (const int e : entities_of_sentence_[sentence]) {
        const DocumentEntity& entity = resolved_.entities[static_cast<std::size_t>(e)];
        if (entity.type != MentionType::kPerson && !entity.product && !Contains(excluded, e)) return e;
    }
    return Topic(line_of_sentence_[sentence], excluded);
}

}  // namespace kgraph::extract
