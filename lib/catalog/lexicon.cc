// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "catalog/catalog_rep.h"
#include "catalog/units.h"
#include "common/strings.h"
#include "text/fold.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace chatcart::catalog {
namespace {

constexpr float kTypo1 = 0.8f;                 // one edit
constexpr float kTypo2 = 0.6f;                 // two edits
constexpr float kPrefix = 0.75f;               // the last word completed
constexpr float kSecondary[2] = {1.0f, 0.5f};  // by posting class: name words, variant values
constexpr size_t kMinFuzzyChars = 4;
constexpr size_t kMinTwoEditChars = 8;
// Longer words are looked up exactly only: the deletion neighbourhood grows
// with the cube of the length (a 2,000-letter word took 11 s), and no
// product word is that long.
constexpr size_t kMaxFuzzyChars = 40;
constexpr size_t kMaxPrefixExpansions = 8;
constexpr size_t kPrefixScan = 256;
constexpr size_t kMaxAlternatives = 8;  // per query word, the best

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(text::DecodeUtf8(s, &pos));
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) text::AppendUtf8(c, &out);
  return out;
}

uint64_t HashOf(std::u32string_view s) {
  return std::hash<std::string_view>()(
      std::string_view(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(char32_t)));
}

// A bit filter of `hashes`: 16 bits per hash (a power of two, 64 or more).
std::vector<uint64_t> BitsOf(const std::vector<uint64_t>& hashes) {
  size_t bits = 64;
  while (bits < 16 * hashes.size()) bits *= 2;
  std::vector<uint64_t> out(bits / 64, 0);
  for (uint64_t h : hashes) {
    const uint64_t b = h & (bits - 1);
    out[b / 64] |= uint64_t{1} << (b % 64);
  }
  return out;
}

bool MayHold(const std::vector<uint64_t>& filter, uint64_t h) {
  if (filter.empty()) return true;
  const uint64_t b = h & (filter.size() * 64 - 1);
  return (filter[b / 64] >> (b % 64)) & 1;
}

bool LettersOnly(std::u32string_view s) {
  for (char32_t c : s) {
    if (IsDigit(c)) return false;
  }
  return true;
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated
// edits of one substring), stopping early above `max`.
int Osa(std::u32string_view a, std::u32string_view b, int max) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  // Three rows; on the stack for the words of a catalog (this runs for every
  // fuzzy candidate of every query word).
  constexpr int kStackColumns = 64;
  int stack[3 * (kStackColumns + 1)];
  std::vector<int> heap;
  int* rows = stack;
  if (m > kStackColumns) {
    heap.resize(3 * static_cast<size_t>(m + 1));
    rows = heap.data();
  }
  int* prev2 = rows;
  int* prev = rows + (m + 1);
  int* cur = rows + 2 * (m + 1);
  for (int j = 0; j <= m; ++j) prev2[j] = 0;
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return max + 1;
    int* oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[m];
}

// Splits "rtx3060" into "rtx", "3060" at letter/digit boundaries.
void SplitAlnum(std::string_view word, std::vector<std::string>* parts) {
  std::u32string w = Decode(word);
  size_t start = 0;
  for (size_t k = 1; k <= w.size(); ++k) {
    if (k == w.size() || IsDigit(w[k]) != IsDigit(w[k - 1])) {
      parts->push_back(Encode(std::u32string_view(w).substr(start, k - start)));
      start = k;
    }
  }
}

std::string FormatNumber(double v) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.10g", v);
  return std::string(buf, static_cast<size_t>(n));
}

// Collects one product's terms: words, joined neighbours ("990pro",
// "wifi"), alphanumeric parts ("rtx", "3060").
class TermCollector {
 public:
  explicit TermCollector(std::vector<std::string>* out) : out_(out) {}

  // Appends the terms of `original` to *out; with `token_of`, also each
  // term's token (its index in *tokens) when the term is a token's text, or
  // -1 when it derives from tokens.
  void AddText(std::string_view original, std::vector<text::Token>* tokens,
               std::vector<int>* token_of = nullptr) {
    text::Tokenize(original, {}, tokens);
    for (size_t k = 0; k < tokens->size(); ++k) {
      const text::Token& t = (*tokens)[k];
      out_->push_back(t.text);
      if (token_of != nullptr) token_of->push_back(static_cast<int>(k));
      if (t.kind == text::TokenKind::kAlnum) SplitAlnum(t.text, out_);
      if (k + 1 < tokens->size()) {
        const text::Token& u = (*tokens)[k + 1];
        const bool glued = u.begin > t.end && u.begin - t.end == 1 && original[t.end] != ' ';
        const bool digits = t.kind != text::TokenKind::kWord || u.kind != text::TokenKind::kWord;
        if (glued || digits) out_->push_back(t.text + u.text);
      }
      if (token_of != nullptr) token_of->resize(out_->size(), -1);
    }
  }

 private:
  std::vector<std::string>* out_;
};

struct Scratch {
  std::vector<uint32_t> query_stamp;  // == the query's number: product already scored
  uint32_t query_counter = 0;
  std::vector<text::Token> tokens;

  void Prepare(size_t n) {
    if (query_stamp.size() < n) query_stamp.resize(n, 0);
    if (query_counter == std::numeric_limits<uint32_t>::max()) {
      std::fill(query_stamp.begin(), query_stamp.end(), 0);
      query_counter = 0;
    }
  }
};

// The best `limit` matches, best first; with group_of, at most one per
// variant group (the best).
class TopMatches {
 public:
  TopMatches(size_t limit, std::span<const uint32_t> group_of)
      : limit_(limit), group_of_(group_of) {
    kept_.reserve(std::min<size_t>(limit, 1024) + 1);
  }
  static bool Better(const NameMatch& a, const NameMatch& b) {
    return a.score != b.score ? a.score > b.score : a.product < b.product;
  }
  bool full() const { return kept_.size() == limit_; }
  double worst() const { return kept_.back().score; }
  void Offer(const NameMatch& m) {
    if (!group_of_.empty()) {
      for (size_t k = 0; k < kept_.size(); ++k) {
        if (group_of_[kept_[k].product] != group_of_[m.product]) continue;
        if (!Better(m, kept_[k])) return;
        kept_.erase(kept_.begin() + static_cast<std::ptrdiff_t>(k));
        Insert(m);
        return;
      }
    }
    if (full()) {
      if (!Better(m, kept_.back())) return;
      kept_.pop_back();
    }
    Insert(m);
  }
  std::vector<NameMatch> Take() { return std::move(kept_); }

 private:
  void Insert(const NameMatch& m) {
    kept_.insert(std::upper_bound(kept_.begin(), kept_.end(), m, Better), m);
  }
  size_t limit_;
  std::span<const uint32_t> group_of_;
  std::vector<NameMatch> kept_;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

Lexicon Lexicon::Build(const Catalog::Rep& rep, const StringColumn& aliases) {
  Lexicon lex;
  lex.size_ = rep.size;
  lex.terms_ = std::make_unique<Interner>();

  // Pass 1: each product's distinct terms, in product order; name words are
  // remembered for the coverage weight.
  std::vector<uint32_t> pair_terms;          // term per (product, term)
  std::vector<uint32_t> product_offsets{0};  // into pair_terms
  std::vector<uint32_t> name_terms;          // distinct name words per product
  std::vector<uint32_t> name_offsets{0};
  std::vector<std::string> words;
  std::vector<text::Token> tokens;
  TermCollector collect(&words);
  std::vector<uint32_t> ids, variant_ids;
  std::vector<uint8_t> pair_class;  // 0: name, brand, model, alias; 1: variant value
  auto term_id = [&](const std::string& w) { return lex.terms_->Intern(w); };
  std::vector<AttributeId> searchable, axes;
  for (const AttributeStore& a : rep.attributes) {
    if (a.info.searchable && a.info.type != AttributeType::kNumber) searchable.push_back(a.info.id);
    if (a.info.variant_axis) axes.push_back(a.info.id);
  }
  // The terms of a text: its distinct words, then what derives from them
  // (joined neighbours, alphanumeric parts). Names, brands and attribute
  // values repeat across products (variants), so each distinct text is
  // tokenized once. Keys view strings the catalog owns.
  struct Range {
    uint32_t begin, mid, end;  // [begin, mid) words, [mid, end) derived
  };
  std::vector<uint32_t> memo_ids;
  std::vector<uint32_t> token_ids;
  std::vector<int> token_of;
  auto make_range = [&](std::string_view text) -> Range {
    words.clear();
    token_of.clear();
    collect.AddText(text, &tokens, &token_of);
    Range r;
    r.begin = static_cast<uint32_t>(memo_ids.size());
    token_ids.clear();
    for (const text::Token& t : tokens) token_ids.push_back(term_id(t.text));
    memo_ids.insert(memo_ids.end(), token_ids.begin(), token_ids.end());
    std::sort(memo_ids.begin() + r.begin, memo_ids.end());
    memo_ids.erase(std::unique(memo_ids.begin() + r.begin, memo_ids.end()), memo_ids.end());
    r.mid = static_cast<uint32_t>(memo_ids.size());
    // A token's text is already interned: only derived terms are looked up.
    for (size_t k = 0; k < words.size(); ++k) {
      memo_ids.push_back(token_of[k] >= 0 ? token_ids[static_cast<size_t>(token_of[k])]
                                          : term_id(words[k]));
    }
    r.end = static_cast<uint32_t>(memo_ids.size());
    return r;
  };
  // Names repeat across variants: memoized by their text. Brands and
  // attribute values are memoized by their code (no hashing of the text).
  absl::flat_hash_map<std::string_view, Range> memo;
  auto terms_of = [&](std::string_view text) -> Range {
    auto [it, inserted] = memo.try_emplace(text, Range{0, 0, 0});
    if (inserted) it->second = make_range(text);
    return it->second;
  };
  constexpr Range kNotYet{UINT32_MAX, 0, 0};
  auto terms_by_code = [&](std::vector<Range>& memo_by_code, size_t code,
                           std::string_view text) -> Range {
    if (memo_by_code[code].begin == kNotYet.begin) memo_by_code[code] = make_range(text);
    return memo_by_code[code];
  };
  std::vector<Range> brand_memo(rep.brands.size(), kNotYet);
  auto add_range = [&](Range r) {
    ids.insert(ids.end(), memo_ids.begin() + r.begin, memo_ids.begin() + r.end);
  };
  std::vector<std::vector<Range>> value_memo(searchable.size());
  for (size_t k = 0; k < searchable.size(); ++k) {
    value_memo[k].assign(rep.attributes[searchable[k]].dictionary.size(), kNotYet);
  }
  // By attribute and value; -0 is 0 (one entry per value that compares equal).
  absl::flat_hash_map<std::pair<AttributeId, uint64_t>, std::vector<uint32_t>> variant_memo;
  auto variant_key = [](AttributeId a, double v) {
    if (v == 0) v = 0;  // -0.0 -> 0.0
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return std::make_pair(a, bits);
  };
  // Products come in order: walk sparse axis columns with a cursor each.
  std::vector<size_t> axis_cursor(axes.size(), 0);
  auto axis_value = [&](size_t k, ProductIndex i) -> std::optional<double> {
    const NumberColumn& c = rep.attributes[axes[k]].numbers;
    if (c.dense()) return c.present(i) ? std::optional<double>(c.values()[i]) : std::nullopt;
    std::span<const ProductIndex> rows = c.rows();
    size_t& cur = axis_cursor[k];
    while (cur < rows.size() && rows[cur] < i) ++cur;
    if (cur < rows.size() && rows[cur] == i) return c.values()[cur];
    return std::nullopt;
  };
  for (ProductIndex i = 0; i < rep.size; ++i) {
    ids.clear();
    const Range name = terms_of(rep.names.Get(i));
    name_terms.insert(name_terms.end(), memo_ids.begin() + name.begin, memo_ids.begin() + name.mid);
    name_offsets.push_back(static_cast<uint32_t>(name_terms.size()));
    add_range(name);
    if (rep.brand_of[i] != 0) {
      const uint32_t b = rep.brand_of[i] - 1;
      add_range(terms_by_code(brand_memo, b, rep.brands[b]));
    }
    for (size_t k = 0; k < searchable.size(); ++k) {
      const AttributeStore& s = rep.attributes[searchable[k]];
      if (s.info.type == AttributeType::kList) continue;
      if (std::optional<uint32_t> code = s.codes.Get(i)) {
        add_range(terms_by_code(value_memo[k], *code, s.dictionary[*code]));
      }
    }
    // Models and aliases are mostly unique: not memoized.
    words.clear();
    if (std::string_view model = rep.models.Get(i); !model.empty()) {
      collect.AddText(model, &tokens);
      std::string joined;
      for (const text::Token& t : tokens) joined += t.text;
      if (tokens.size() > 1) words.push_back(joined);
    }
    if (std::string_view a = aliases.Get(i); !a.empty()) {
      for (absl::string_view alias : absl::StrSplit(ToAbsl(a), '\x1f')) {
        collect.AddText(ToStd(alias), &tokens);
      }
    }
    for (const std::string& w : words) {
      if (!w.empty()) ids.push_back(term_id(w));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Variant values ("2tb") weigh less than the words of the name.
    variant_ids.clear();
    for (size_t k = 0; k < axes.size(); ++k) {
      const AttributeId a = axes[k];
      const AttributeStore& s = rep.attributes[a];
      if (s.info.type != AttributeType::kNumber || s.info.unit.empty()) continue;
      std::optional<double> v = axis_value(k, i);
      if (!v) continue;
      auto [it, inserted] = variant_memo.try_emplace(variant_key(a, *v));
      if (inserted) {
        it->second.push_back(term_id(text::Fold(FormatNumber(*v) + s.info.unit)));
        if (std::optional<LargerUnit> larger = NextLargerUnit(s.info.unit);
            larger && *v >= larger->factor && std::fmod(*v, larger->factor / 4) == 0) {
          it->second.push_back(
              term_id(text::Fold(FormatNumber(*v / larger->factor) + larger->unit)));
        }
      }
      variant_ids.insert(variant_ids.end(), it->second.begin(), it->second.end());
    }
    pair_terms.insert(pair_terms.end(), ids.begin(), ids.end());
    pair_class.insert(pair_class.end(), ids.size(), 0);
    for (uint32_t t : variant_ids) {
      if (!std::binary_search(ids.begin(), ids.end(), t)) {
        pair_terms.push_back(t);
        pair_class.push_back(1);
      }
    }
    product_offsets.push_back(static_cast<uint32_t>(pair_terms.size()));
  }
  memo = {};
  std::vector<uint32_t>().swap(memo_ids);
  lex.terms_->ShrinkToFit();

  // Postings by counting sort: products come out ascending.
  const size_t n_terms = lex.terms_->size();
  lex.postings_.offsets.assign(n_terms + 1, 0);
  for (uint32_t t : pair_terms) ++lex.postings_.offsets[t + 1];
  for (size_t t = 0; t < n_terms; ++t) lex.postings_.offsets[t + 1] += lex.postings_.offsets[t];
  lex.postings_.products.resize(pair_terms.size());
  lex.secondary_.resize(pair_terms.size());
  {
    std::vector<uint32_t> fill(lex.postings_.offsets.begin(), lex.postings_.offsets.end() - 1);
    for (ProductIndex i = 0; i < rep.size; ++i) {
      for (uint32_t k = product_offsets[i]; k < product_offsets[i + 1]; ++k) {
        const uint32_t at = fill[pair_terms[k]]++;
        lex.postings_.products[at] = i;
        lex.secondary_[at] = pair_class[k];
      }
    }
  }
  std::vector<uint32_t>().swap(pair_terms);
  std::vector<uint8_t>().swap(pair_class);
  std::vector<uint32_t>().swap(product_offsets);

  const double n = static_cast<double>(std::max<size_t>(rep.size, 1));
  lex.idf_.resize(n_terms);
  for (size_t t = 0; t < n_terms; ++t) {
    const double df = static_cast<double>(lex.postings_.Get(t).size());
    lex.idf_[t] = static_cast<float>(std::log(1.0 + n / std::max(df, 1.0)));
  }
  lex.name_weight_.resize(rep.size);
  for (ProductIndex i = 0; i < rep.size; ++i) {
    float w = 0;
    for (uint32_t k = name_offsets[i]; k < name_offsets[i + 1]; ++k) w += lex.idf_[name_terms[k]];
    lex.name_weight_[i] = w;
  }

  // Typos: every one-letter deletion of each letters-only term of 4 to
  // kMaxFuzzyChars + 1 letters.
  std::u32string w, d;
  for (uint32_t t = 0; t < n_terms; ++t) {
    std::string_view term = lex.terms_->Get(t);
    if (term.size() < kMinFuzzyChars) continue;  // bytes >= code points
    w.clear();
    size_t pos = 0;
    while (pos < term.size()) w.push_back(text::DecodeUtf8(term, &pos));
    // A term longer than the longest fuzzy query word plus one letter is
    // never reached by a typo; its deletions (each as long as the term) would
    // cost the square of its length: one 160,000-letter name word took 14.8 s.
    if (w.size() < kMinFuzzyChars || w.size() > kMaxFuzzyChars + 1 || !LettersOnly(w)) continue;
    for (size_t k = 0; k < w.size(); ++k) {
      d.assign(w, 0, k);
      d.append(w, k + 1);
      lex.deletions_.push_back({HashOf(d), t});
    }
  }
  std::sort(lex.deletions_.begin(), lex.deletions_.end());
  lex.deletions_.erase(std::unique(lex.deletions_.begin(), lex.deletions_.end()),
                       lex.deletions_.end());
  lex.deletions_.shrink_to_fit();
  {
    std::vector<uint64_t> hashes;
    hashes.reserve(lex.deletions_.size());
    for (const auto& [h, t] : lex.deletions_) hashes.push_back(h);
    lex.deletion_bits_ = BitsOf(hashes);
    hashes.clear();
    for (uint32_t t = 0; t < n_terms; ++t) {
      std::string_view term = lex.terms_->Get(t);
      w.clear();
      size_t pos = 0;
      while (pos < term.size()) w.push_back(text::DecodeUtf8(term, &pos));
      hashes.push_back(HashOf(w));
    }
    lex.term_bits_ = BitsOf(hashes);
  }

  lex.sorted_terms_.resize(n_terms);
  {
    std::vector<std::pair<std::string_view, uint32_t>> by_text(n_terms);
    for (uint32_t t = 0; t < n_terms; ++t) by_text[t] = {lex.terms_->Get(t), t};
    std::sort(by_text.begin(), by_text.end());
    for (uint32_t t = 0; t < n_terms; ++t) lex.sorted_terms_[t] = by_text[t].second;
  }
  return lex;
}

size_t Lexicon::MemoryUsage() const {
  if (!terms_) return 0;
  return terms_->MemoryUsage() + postings_.MemoryUsage() + idf_.capacity() * sizeof(float) +
         name_weight_.capacity() * sizeof(float) + deletions_.capacity() * sizeof(deletions_[0]) +
         sorted_terms_.capacity() * sizeof(uint32_t) + secondary_.capacity();
}

float Lexicon::Factor(uint32_t term, size_t k) const {
  return kSecondary[secondary_[postings_.offsets[term] + k]];
}

int64_t Lexicon::TermId(std::string_view folded) const {
  if (!terms_) return -1;
  std::optional<uint32_t> id = terms_->Find(folded);
  return id ? static_cast<int64_t>(*id) : -1;
}

void Lexicon::Fuzzy(std::string_view word, QueryWord* out) const {
  std::u32string q = Decode(word);
  if (q.size() < kMinFuzzyChars || q.size() > kMaxFuzzyChars || !LettersOnly(q)) return;
  std::vector<uint32_t> candidates;
  std::string encoded;  // reused: a query word has up to ~800 deletions
  // The terms `key` is (when `term`) and those it is a deletion of.
  auto look_up = [&](std::u32string_view key, bool term) {
    const uint64_t h = HashOf(key);
    if (term && MayHold(term_bits_, h)) {
      encoded.clear();
      for (char32_t c : key) {
        if (c < 0x80) {
          encoded.push_back(static_cast<char>(c));
        } else {
          text::AppendUtf8(c, &encoded);
        }
      }
      if (std::optional<uint32_t> id = terms_->Find(encoded)) candidates.push_back(*id);
    }
    if (!MayHold(deletion_bits_, h)) return;
    auto it =
        std::lower_bound(deletions_.begin(), deletions_.end(), std::make_pair(h, uint32_t{0}));
    for (; it != deletions_.end() && it->first == h; ++it) candidates.push_back(it->second);
  };
  look_up(q, /*term=*/false);  // the term has one more letter
  std::u32string d, d2;
  for (size_t k = 0; k < q.size(); ++k) {
    d.assign(q, 0, k);
    d.append(q, k + 1);
    // The query has one more letter (a term); one substitution or
    // transposition (a deletion).
    look_up(d, /*term=*/true);
    if (q.size() >= kMinTwoEditChars) {
      for (size_t j = k; j < d.size(); ++j) {
        d2.assign(d, 0, j);
        d2.append(d, j + 1);
        look_up(d2, /*term=*/true);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const int max = q.size() >= kMinTwoEditChars ? 2 : 1;
  std::u32string term;
  for (uint32_t t : candidates) {
    term.clear();
    const std::string_view text = terms_->Get(t);
    for (size_t pos = 0; pos < text.size();) term.push_back(text::DecodeUtf8(text, &pos));
    int dist = Osa(q, term, max);
    if (dist == 0 || dist > max) continue;
    const float quality = dist == 1 ? kTypo1 : kTypo2;
    out->alternatives.push_back({t, quality * idf_[t], idf_[t]});
  }
}

void Lexicon::Prefix(std::string_view word, QueryWord* out) const {
  auto it = std::lower_bound(sorted_terms_.begin(), sorted_terms_.end(), word,
                             [&](uint32_t t, std::string_view w) { return terms_->Get(t) < w; });
  std::vector<uint32_t> found;
  for (size_t scanned = 0; it != sorted_terms_.end() && scanned < kPrefixScan; ++it, ++scanned) {
    std::string_view term = terms_->Get(*it);
    if (!term.starts_with(word)) break;
    if (term.size() > word.size()) found.push_back(*it);
  }
  // The most common completions first: the likeliest words.
  std::sort(found.begin(), found.end(), [&](uint32_t a, uint32_t b) { return idf_[a] < idf_[b]; });
  if (found.size() > kMaxPrefixExpansions) found.resize(kMaxPrefixExpansions);
  for (uint32_t t : found) out->alternatives.push_back({t, kPrefix * idf_[t], idf_[t]});
}

void Lexicon::Alternatives(std::string_view word, bool last, QueryWord* out) const {
  if (std::optional<uint32_t> id = terms_->Find(word)) {
    out->alternatives.push_back({*id, idf_[*id], idf_[*id]});
    return;
  }
  // The plural of a term ("chargers" for "Charger") is the term, not a
  // typo of it. (Not the other way: "filtre" is no "Filtres papier".)
  if (word.size() >= 4 && word.back() == 's') {
    if (std::optional<uint32_t> id = terms_->Find(word.substr(0, word.size() - 1))) {
      out->alternatives.push_back({*id, idf_[*id], idf_[*id]});
      return;
    }
  }
  Fuzzy(word, out);
  if (last && word.size() >= 2) Prefix(word, out);
}

std::vector<NameMatch> Lexicon::Find(std::string_view query, const FindOptions& options,
                                     std::span<const uint32_t> group_of) const {
  std::vector<NameMatch> result;
  if (!terms_ || size_ == 0 || options.limit <= 0) return result;
  Scratch& s = ThreadScratch();
  text::Tokenize(query, {}, &s.tokens);
  if (s.tokens.empty()) return result;
  const bool open_end = !query.empty() && query.back() != ' ';

  // The query's words and their alternatives. An alphanumeric word that is no
  // term is tried as its parts ("iphone5" -> "iphone", "5").
  std::vector<QueryWord> words;
  const float unmatched_weight =
      static_cast<float>(0.5 * std::log(1.0 + static_cast<double>(size_)));
  float total = 0;
  auto add_word = [&](std::string_view w, bool last) {
    QueryWord qw;
    Alternatives(w, last, &qw);
    std::sort(qw.alternatives.begin(), qw.alternatives.end(),
              [](const Alternative& a, const Alternative& b) { return a.weight > b.weight; });
    if (qw.alternatives.size() > kMaxAlternatives) qw.alternatives.resize(kMaxAlternatives);
    float best_idf = 0;
    for (const Alternative& a : qw.alternatives) best_idf = std::max(best_idf, a.idf);
    for (Alternative& a : qw.alternatives) {
      a.weight = std::min(a.weight, best_idf);
      qw.postings += PostingsOf(a.term).size();
    }
    qw.best = qw.alternatives.empty() ? 0 : qw.alternatives.front().weight;
    total += qw.alternatives.empty() ? unmatched_weight : best_idf;
    if (!qw.alternatives.empty()) words.push_back(std::move(qw));
  };
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    const text::Token& t = s.tokens[k];
    const bool last = k + 1 == s.tokens.size() && open_end;
    if (t.kind == text::TokenKind::kAlnum && !terms_->Find(t.text)) {
      std::vector<std::string> parts;
      SplitAlnum(t.text, &parts);
      for (size_t p = 0; p < parts.size(); ++p) add_word(parts[p], last && p + 1 == parts.size());
    } else {
      add_word(t.text, last);
    }
  }
  if (words.empty() || total <= 0) return result;

  // MaxScore: words by weight, heaviest (rarest) first. A product first met in
  // word i's postings lacks words 0..i-1, so it scores at most the sum of the
  // weights from i on; once that falls below the threshold (min_score, then
  // the k-th best score so far) no unseen product can make the list.
  std::sort(words.begin(), words.end(), [](const QueryWord& a, const QueryWord& b) {
    return a.best != b.best ? a.best > b.best : a.postings < b.postings;
  });
  const size_t n_words = words.size();
  std::vector<float> rest(n_words + 1, 0);  // rest[i]: sum of best weights of words i..
  for (size_t i = n_words; i-- > 0;) rest[i] = rest[i + 1] + words[i].best;

  const size_t limit = static_cast<size_t>(options.limit);
  TopMatches top(limit, options.one_per_variant_group ? group_of : std::span<const uint32_t>());
  double threshold = options.min_score * static_cast<double>(total);  // in weight units

  s.Prepare(size_);
  const uint32_t seen = ++s.query_counter;
  // Cursors into every later word's alternatives, fresh for each alternative
  // scanned: an epoch marks which are current, so starting a scan costs
  // nothing (resetting them all was quadratic in the words of a long query).
  std::vector<size_t> cursors(n_words * kMaxAlternatives, 0);
  std::vector<uint32_t> cursor_epoch(n_words * kMaxAlternatives, 0);
  uint32_t epoch = 0;
  for (size_t i = 0; i < n_words; ++i) {
    if (static_cast<double>(rest[i]) < threshold) break;
    const QueryWord& qw = words[i];
    for (const Alternative& a : qw.alternatives) {
      std::span<const ProductIndex> postings = PostingsOf(a.term);
      const uint8_t* secondary = secondary_.data() + postings_.offsets[a.term];
      // Products arrive ascending: the cursors only move forward.
      ++epoch;
      // No product further down this list can beat a full list whose worst
      // match already scores what this word and the rest could give at best
      // (ties go to the lower product index, and the list ascends).
      const double best_possible = static_cast<double>((a.weight + rest[i + 1]) / total);
      for (size_t k = 0; k < postings.size(); ++k) {
        if (top.full() && top.worst() >= best_possible - 1e-6) break;
        const ProductIndex p = postings[k];
        if (s.query_stamp[p] == seen) continue;
        s.query_stamp[p] = seen;
        // p's weight for word i is its best alternative, which may come later
        // in this word's list (a secondary posting of a better one).
        float num = 0, matched = 0;
        for (const Alternative& b : qw.alternatives) {
          std::span<const ProductIndex> pb = PostingsOf(b.term);
          const float f = &b == &a ? kSecondary[secondary[k]] : 0;
          if (&b == &a) {
            if (b.weight * f > num) {
              num = b.weight * f;
              matched = b.idf * f;
            }
            continue;
          }
          auto it = std::lower_bound(pb.begin(), pb.end(), p);
          if (it == pb.end() || *it != p) continue;
          const float g = Factor(b.term, static_cast<size_t>(it - pb.begin()));
          if (b.weight * g > num) {
            num = b.weight * g;
            matched = b.idf * g;
          }
        }
        if (static_cast<double>(num + rest[i + 1]) < threshold) continue;
        for (size_t j = i + 1; j < n_words; ++j) {
          float best = 0, best_idf = 0;
          for (size_t b = 0; b < words[j].alternatives.size(); ++b) {
            const Alternative& alt = words[j].alternatives[b];
            std::span<const ProductIndex> pj = PostingsOf(alt.term);
            const size_t c = j * kMaxAlternatives + b;
            if (cursor_epoch[c] != epoch) {
              cursor_epoch[c] = epoch;
              cursors[c] = 0;
            }
            size_t& cur = cursors[c];
            cur = catalog::Gallop(pj, cur, p);
            if (cur == pj.size() || pj[cur] != p) continue;
            const float g = Factor(alt.term, cur);
            if (alt.weight * g > best) {
              best = alt.weight * g;
              best_idf = alt.idf * g;
            }
          }
          num += best;
          matched += best_idf;
          if (static_cast<double>(num + rest[j + 1]) < threshold) break;  // cannot make it
        }
        if (static_cast<double>(num) < threshold) continue;
        const float coverage =
            name_weight_[p] > 0 ? std::min(1.0f, matched / name_weight_[p]) : 1.0f;
        const NameMatch m{p, static_cast<double>(num / total * (0.8f + 0.2f * coverage))};
        if (m.score < options.min_score) continue;
        top.Offer(m);
        if (top.full()) threshold = std::max(threshold, top.worst() * static_cast<double>(total));
      }
    }
  }
  return top.Take();
}

}  // namespace chatcart::catalog
