#include "tagger.h"

#include <algorithm>
#include <array>
#include <map>
#include <random>

#include "feature_hash.h"
#include "shuffle.h"

namespace kgraph::nlp {
namespace {

constexpr int kNumFeatures = 28;
using Features = std::array<std::uint64_t, kNumFeatures>;
static_assert(kNumFeatures <= WeightTable::kMaxBatch);

// Stand-ins for the tags and words before the sentence start and after its end.
constexpr std::uint64_t kStartTag = 1000;
constexpr std::uint64_t kStartTag2 = 1001;
constexpr std::uint64_t kNoWord = 0x5eed;

// A word seen at least this often, with one tag at least this share of the
// time, goes in the dictionary (Honnibal's thresholds).
constexpr int kDictionaryMinCount = 20;
constexpr double kDictionaryMinShare = 0.97;
// Room for every feature: the tagger's table is small.
constexpr std::size_t kMaxTableBytes = 4'000'000;

Features TaggerFeatures(const std::vector<WordKeys>& words, std::size_t i, std::uint64_t prev, std::uint64_t prev2) {
    const WordKeys& w = words[i];
    // A key of the word `offset` places away, kNoWord outside the sentence.
    auto key_at = [&](std::ptrdiff_t offset, std::uint64_t WordKeys::*key) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
        return j < 0 || j >= static_cast<std::ptrdiff_t>(words.size()) ? kNoWord : words[j].*key;
    };
    auto norm_at = [&](std::ptrdiff_t offset) { return key_at(offset, &WordKeys::norm); };
    auto suffix3_at = [&](std::ptrdiff_t offset) { return key_at(offset, &WordKeys::suffix3); };
    auto shape_at = [&](std::ptrdiff_t offset) { return key_at(offset, &WordKeys::shape); };
    int n = 0;
    Features f;
    auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
        f[n] = FeatureKey(n, a, b, c);
        ++n;
    };
    add(0);  // bias
    add(w.norm);
    add(w.form);
    add(w.suffix1);
    add(w.suffix2);
    add(w.suffix3);
    add(w.prefix1);
    add(w.shape);
    add(w.shape, i == 0);  // a capital means less at the sentence start
    add(prev);
    add(prev2);
    add(prev, prev2);
    add(prev, w.norm);
    add(norm_at(-1));
    add(suffix3_at(-1));
    add(norm_at(-2));
    add(norm_at(+1));
    add(suffix3_at(+1));
    add(norm_at(+2));
    add(shape_at(-1), w.shape);
    add(w.shape, shape_at(+1));
    add(norm_at(-1), w.norm);
    add(w.norm, norm_at(+1));
    add(prev, w.suffix3);
    add(w.suffix4);
    add(w.prefix3);
    add(norm_at(-1), norm_at(+1));
    add(prev, norm_at(+1));
    return f;
}

int BestClass(const std::int32_t* scores, int num_classes) {
    return static_cast<int>(std::max_element(scores, scores + num_classes) - scores);
}

std::vector<std::pair<std::uint64_t, std::uint16_t>> BuildDictionary(const std::vector<TaggerExample>& examples) {
    std::map<std::uint64_t, std::map<int, int>> counts;
    for (const TaggerExample& example : examples) {
        for (std::size_t i = 0; i < example.words.size(); ++i) ++counts[example.words[i].form][example.tags[i]];
    }
    std::vector<std::pair<std::uint64_t, std::uint16_t>> dictionary;
    for (const auto& [form, tag_counts] : counts) {
        int total = 0;
        std::pair<int, int> best{0, 0};  // count, tag
        for (const auto& [tag, count] : tag_counts) {
            total += count;
            if (count > best.first) best = {count, tag};
        }
        if (total >= kDictionaryMinCount && best.first >= kDictionaryMinShare * total) {
            dictionary.emplace_back(form, static_cast<std::uint16_t>(best.second));
        }
    }
    return dictionary;
}

}  // namespace

Tagger::Tagger(TagSet tags, std::vector<std::pair<std::uint64_t, std::uint16_t>> dictionary, WeightTable weights)
    : tags_(std::move(tags)), dictionary_(std::move(dictionary)), weights_(std::move(weights)) {}

int Tagger::BestTagOf(const std::vector<std::int32_t>& scores, Upos upos) const {
    int best = -1;
    for (std::size_t t = 0; t < scores.size(); ++t) {
        if (tags_.upos[t] == upos && (best < 0 || scores[t] > scores[static_cast<std::size_t>(best)])) {
            best = static_cast<int>(t);
        }
    }
    return best >= 0 ? best : BestClass(scores.data(), static_cast<int>(scores.size()));
}

int Tagger::DictionaryTag(std::uint64_t form) const {
    const auto it = std::lower_bound(dictionary_.begin(), dictionary_.end(), std::make_pair(form, std::uint16_t{0}));
    return it != dictionary_.end() && it->first == form ? it->second : -1;
}

std::vector<int> Tagger::Tag(const std::vector<WordKeys>& words, const std::vector<std::optional<Upos>>& known_upos) const {
    std::vector<int> tags(words.size());
    std::vector<std::int32_t> scores(tags_.names.size());
    std::uint64_t prev = kStartTag, prev2 = kStartTag2;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::optional<Upos> known = i < known_upos.size() ? known_upos[i] : std::nullopt;
        int tag = DictionaryTag(words[i].form);
        if (known && tag >= 0 && tags_.upos[static_cast<std::size_t>(tag)] != *known) tag = -1;
        if (tag < 0) {
            std::fill(scores.begin(), scores.end(), 0);
            weights_.AddScores(TaggerFeatures(words, i, prev, prev2), scores.data());
            tag = known ? BestTagOf(scores, *known) : BestClass(scores.data(), static_cast<int>(scores.size()));
        }
        tags[i] = tag;
        prev2 = prev;
        prev = static_cast<std::uint64_t>(tag);
    }
    return tags;
}

void Tagger::Write(ByteWriter& out) const {
    out.U32(static_cast<std::uint32_t>(tags_.names.size()));
    for (std::size_t t = 0; t < tags_.names.size(); ++t) {
        out.String(tags_.names[t]);
        out.U8(static_cast<std::uint8_t>(tags_.upos[t]));
    }
    out.U64(dictionary_.size());
    for (const auto& [form, tag] : dictionary_) {
        out.U64(form);
        out.U16(tag);
    }
    weights_.Write(out);
}

bool Tagger::Read(ByteReader& in, Tagger* tagger) {
    std::uint32_t num_tags = 0;
    if (!in.U32(&num_tags) || num_tags == 0 || !in.Has(num_tags, 5)) return false;
    TagSet tags;
    for (std::uint32_t t = 0; t < num_tags; ++t) {
        std::string name;
        std::uint8_t upos = 0;
        if (!in.String(&name) || !in.U8(&upos) || upos >= kNumUpos) return false;
        tags.names.push_back(std::move(name));
        tags.upos.push_back(static_cast<Upos>(upos));
    }
    std::uint64_t dictionary_size = 0;
    if (!in.U64(&dictionary_size) || !in.Has(dictionary_size, 10)) return false;
    std::vector<std::pair<std::uint64_t, std::uint16_t>> dictionary(dictionary_size);
    for (auto& [form, tag] : dictionary) {
        if (!in.U64(&form) || !in.U16(&tag) || tag >= num_tags) return false;
    }
    if (!std::is_sorted(dictionary.begin(), dictionary.end())) return false;
    WeightTable weights;
    if (!WeightTable::Read(in, &weights) || weights.num_classes() != static_cast<int>(num_tags)) return false;
    *tagger = Tagger(std::move(tags), std::move(dictionary), std::move(weights));
    return true;
}

Tagger TrainTagger(const TagSet& tags, const std::vector<TaggerExample>& examples, int iterations, std::uint32_t seed) {
    const int num_tags = static_cast<int>(tags.names.size());
    // Dictionary words are never scored, so they are not trained on either.
    const Tagger dictionary_only(tags, BuildDictionary(examples), WeightTable());
    PerceptronTrainer trainer(num_tags);
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(seed);
    std::vector<std::int32_t> scores(num_tags);
    for (int iteration = 0; iteration < iterations; ++iteration) {
        DeterministicShuffle(order, rng);
        for (std::size_t index : order) {
            const TaggerExample& example = examples[index];
            // Training sees its own previous guesses, as tagging will.
            std::uint64_t prev = kStartTag, prev2 = kStartTag2;
            for (std::size_t i = 0; i < example.words.size(); ++i) {
                int guess = dictionary_only.DictionaryTag(example.words[i].form);
                if (guess < 0) {
                    const Features features = TaggerFeatures(example.words, i, prev, prev2);
                    std::fill(scores.begin(), scores.end(), 0);
                    trainer.AddScores(features, scores.data());
                    guess = BestClass(scores.data(), num_tags);
                    trainer.Update(features, example.tags[i], guess);
                }
                prev2 = prev;
                prev = static_cast<std::uint64_t>(guess);
            }
        }
    }
    return Tagger(tags, BuildDictionary(examples), trainer.Averaged(kMaxTableBytes));
}

}  // namespace kgraph::nlp
