// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/catalog_names.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>

#include "chatcart/catalog.h"
#include "common/strings.h"
#include "text/tokenize.h"

namespace chatcart::entities {
namespace {

// Articles, prepositions and conjunctions of en/it/fr, as tokens fold them.
bool IsFunctionWordOfName(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "to", "of", "for", "and", "with", "the", "a", "an", "or", "in", "on", "de", "la", "le",
      "les", "du", "des", "et", "ou", "en", "au", "aux", "di", "da", "per", "con", "il", "lo",
      "gli", "e", "o", "del", "della", "dei", "delle", "un", "une", "una", "uno"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

using text::Language;

// Words that never start or end a product mention by themselves: what the
// shopper says around a name. Lexicon roles (determiners, cues, verbs) count
// too; see IsStop.
bool IsStopWord(std::string_view w, Language language) {
  static constexpr std::string_view kEnglish[] = {
      "i",     "you",     "me",       "we",     "do",       "does",      "did",       "have",
      "has",   "got",     "get",      "any",    "anything", "something", "looking",   "look",
      "show",  "find",    "need",     "want",   "is",       "are",       "there",     "it",
      "this",  "that",    "what",     "how",    "much",     "please",    "thanks",    "can",
      "could", "would",   "like",     "for",    "with",     "from",      "in",        "on",
      "to",    "or",      "buy",      "price",  "cost",     "costs",     "available", "stock",
      "tell",  "about",   "info",     "hi",     "hello",    "hey",       "s",         "t",
      "m",     "d",       "ll",       "re",     "ve",       "one",       "ones",      "some",
      "still", "also",    "too",      "really", "very",     "good",      "best",      "new",
      "cheap", "cheaper", "cheapest", "sell",   "carry",    "recommend", "about",     "vs",
      "versus"};
  static constexpr std::string_view kItalian[] = {
      "io",          "tu",       "mi",     "ti",         "ci",       "vi",          "ho",
      "hai",         "ha",       "avete",  "avere",      "c",        "è",           "sono",
      "cerco",       "cercando", "vorrei", "voglio",     "serve",    "mi serve",    "qualcosa",
      "per",         "con",      "su",     "in",         "da",       "di",          "del",
      "della",       "dei",      "delle",  "che",        "cosa",     "quanto",      "costa",
      "prezzo",      "grazie",   "ciao",   "per favore", "favore",   "anche",       "ancora",
      "molto",       "buono",    "nuovo",  "economico",  "consigli", "consigliate", "vendete",
      "disponibile", "o",        "oppure", "va",         "bene",     "funziona",    "vs",
      "contro"};
  static constexpr std::string_view kFrench[] = {
      "je",         "tu",    "vous",    "nous",     "me",      "j",       "ai",    "avez", "as",
      "est",        "c",     "cherche", "voudrais", "veux",    "quelque", "chose", "pour", "avec",
      "sur",        "dans",  "de",      "du",       "des",     "d",       "que",   "qu",   "quoi",
      "combien",    "coûte", "prix",    "merci",    "bonjour", "salut",   "s'il",  "il",   "plaît",
      "plait",      "aussi", "encore",  "très",     "bon",     "nouveau", "pas",   "cher", "vendez",
      "disponible", "ou",    "y",       "a",        "en",      "vs",      "contre"};
  auto in = [&](auto& list) {
    for (std::string_view s : list) {
      if (w == s) return true;
    }
    return false;
  };
  switch (language) {
    case Language::kEnglish:
      return in(kEnglish);
    case Language::kItalian:
      return in(kItalian);
    case Language::kFrench:
      return in(kFrench);
  }
  return false;
}

constexpr uint64_t kStopRoles = kDeterminer | kArticle | kFiller | kBudgetPrefix | kBudgetPostfix |
                                kBudgetLead | kRangeJoiner | kQuantityVerb | kQuantityAfter |
                                kQuantityCue | kMore | kCompatCue | kAgeBlock | kAgeCue | kAgeHas |
                                kAgeIs | kTimeNoun | kNumberAnd | kCurrency | kOrdinal | kSizeCue;

bool Matches(std::string_view token, std::string_view name_word) {
  return NameWordMatches(token, name_word);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

// "due Dodo Family", "deux Inkwell Tank 3": a count said right before a
// product is a quantity (quantity.cc does the same before category words).
void AddQuantityBefore(const Scan& scan, uint32_t first_token, std::vector<Candidate>* candidates) {
  const Unit* u = nullptr;
  for (const Unit& v : scan.units) {
    if (v.last_token == first_token) u = &v;
  }
  if (u == nullptr || !u->PlainNumber() || u->article) return;
  const std::optional<int64_t> n = u->number.Integer();
  if (!n.has_value() || *n <= 0 || *n > 100) return;
  for (const Candidate& c : *candidates) {
    if (c.type == EntityType::kQuantity && c.begin == u->begin) return;
  }
  Candidate& c = candidates->emplace_back();
  c.type = EntityType::kQuantity;
  c.begin = u->begin;
  c.end = u->end;
  c.priority = kPriorityQuantity;
  c.confidence = 0.8;
  c.number = *n;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c < 0;
  });
}

// "a3", "4k", "s7": two characters, a letter and a digit.
bool ShortCode(std::string_view s) { return s.size() == 2 && HasDigit(s) && HasLetter(s); }

bool NameWordMatches(std::string_view token, std::string_view name_word) {
  if (token == name_word) return true;
  if (HasDigit(token) || HasDigit(name_word)) return false;  // models are exact
  const size_t n = std::min(token.size(), name_word.size());
  if (n < 4) return false;
  return WithinEdits(token, name_word, n >= 8 ? 2 : 1);
}

bool WithinEdits(std::string_view a, std::string_view b, int max_edits) {
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > max_edits) return false;
  if (lb > 64) return a == b;
  std::array<int, 65> prev{}, cur{};
  for (int j = 0; j <= lb; ++j) prev[static_cast<size_t>(j)] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= lb; ++j) {
      const int cost = a[static_cast<size_t>(i - 1)] == b[static_cast<size_t>(j - 1)] ? 0 : 1;
      cur[static_cast<size_t>(j)] =
          std::min({prev[static_cast<size_t>(j)] + 1, cur[static_cast<size_t>(j - 1)] + 1,
                    prev[static_cast<size_t>(j - 1)] + cost});
      row_min = std::min(row_min, cur[static_cast<size_t>(j)]);
    }
    if (row_min > max_edits) return false;
    prev = cur;
  }
  return prev[static_cast<size_t>(lb)] <= max_edits;
}

CatalogNames::CatalogNames(const Catalog& catalog, double min_score)
    : catalog_(catalog), min_score_(min_score) {
  std::vector<text::Token> tokens;
  std::vector<std::string_view> distinct;
  for (ProductIndex i = 0; i < catalog.size(); ++i) {
    text::Tokenize(catalog.product_name(i), {}, &tokens);
    distinct.clear();
    for (const text::Token& t : tokens) distinct.push_back(t.text);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (std::string_view w : distinct) ++name_words_[ToAbsl(w)];
    // Coined words: a capital inside the word as the catalog writes it.
    const std::string_view original = catalog.product_name(i);
    for (const text::Token& t : tokens) {
      for (size_t b = t.begin + 1; b < t.end; ++b) {
        const char x = original[b - 1], y = original[b];
        if (x >= 'a' && x <= 'z' && y >= 'A' && y <= 'Z') {
          coined_.insert(t.text);
          break;
        }
      }
    }
  }
  rare_limit_ = std::max<uint32_t>(3, static_cast<uint32_t>(catalog.size() / 100));
  IndexModelAttributes();
}

std::string CatalogNames::KnownWords(const Scan& scan, size_t begin, size_t end) const {
  std::string out;
  for (size_t k = begin; k < end; ++k) {
    const std::string_view w = scan.tokens[k].text;
    if (!name_words_.contains(ToAbsl(w)) && !model_words_.contains(ToAbsl(w))) {
      // "cp400": letters and digits glued, two words of a name ("CP-400").
      size_t cut = 1;
      while (cut < w.size() && HasDigit(w.substr(cut - 1, 1)) == HasDigit(w.substr(cut, 1))) ++cut;
      if (cut == w.size() || !name_words_.contains(ToAbsl(w.substr(0, cut))) ||
          !name_words_.contains(ToAbsl(w.substr(cut)))) {
        continue;
      }
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool CatalogNames::Coined(std::string_view word) const {
  auto it = name_words_.find(ToAbsl(word));
  return it != name_words_.end() && it->second == 1 && coined_.contains(ToAbsl(word));
}

bool CatalogNames::Distinctive(std::string_view word) const {
  auto it = name_words_.find(ToAbsl(word));
  return it != name_words_.end() && it->second <= rare_limit_;
}

void CatalogNames::AddWords(Language language, LexiconBuilder* lexicon,
                            CategoryTable* categories) const {
  for (const std::string& brand : catalog_.brands()) {
    if (brand.empty() || text::Tokenize(brand).empty()) continue;
    const int32_t id = lexicon->Value(brand);
    lexicon->Add(brand, [id](WordInfo& w) {
      w.roles |= kBrand;
      w.value = id;
    });
  }
  if (categories == nullptr) return;
  for (const CategoryNode& node : catalog_.categories()) {
    if (node.name.empty() || text::Tokenize(node.name).empty()) continue;
    categories->Add(node.name, node.name, language, lexicon);
  }
}

void CatalogNames::Find(const Scan& scan, std::vector<Candidate>* candidates) const {
  // Brands.
  for (const Unit& u : scan.units) {
    if (!u.Has(kBrand)) continue;
    Candidate& c = candidates->emplace_back();
    c.type = EntityType::kBrand;
    c.begin = u.begin;
    c.end = u.end;
    c.value = scan.lexicon->value(u.info->value);
    c.confidence = 0.9;
    c.priority = kPriorityBrand;
  }
  // Products: runs of tokens nothing else explains.
  const std::vector<text::Token>& tokens = scan.tokens;
  if (tokens.empty()) return;
  std::vector<uint8_t>& usable = scan.usable;
  usable.assign(tokens.size(), 1);
  std::vector<uint8_t>& generic = scan.generic;  // category, colour, size words
  generic.assign(tokens.size(), 0);
  for (const Unit& u : scan.units) {
    // A dash glued to its neighbours stays inside a run ("CP-400"), whatever
    // else it may be (a range joiner); trimming drops it at the ends.
    const bool glued = u.IsDash() && u.begin > 0 && u.end < scan.text.size() &&
                       scan.text[u.begin - 1] != ' ' && scan.text[u.end] != ' ';
    const bool stop =
        !glued && ((u.kind == text::TokenKind::kSymbol && !u.IsDash()) ||
                   (u.info != nullptr && u.info->Has(kStopRoles) && !u.info->Has(kBrand)) ||
                   (u.last_token == u.first_token + 1 && IsStopWord(u.text, scan.language)));
    // A child noun ("kids", "junior") may start a name ("Kids Keyboard") but
    // names nothing alone.
    const bool gen = (u.entry != nullptr && u.entry->lemma != 0) ||
                     u.Has(kColour | kColourModPrefix | kColourModSuffix | kSizeLetter | kSizeWord |
                           kSizeSystem | kAgePerson);
    for (uint32_t k = u.first_token; k < u.last_token; ++k) {
      if (stop) usable[k] = 0;
      if (gen) generic[k] = 1;
    }
  }
  for (const Candidate& c : *candidates) {
    if (c.type != EntityType::kMoney && c.type != EntityType::kAge &&
        c.type != EntityType::kCompatibility) {
      continue;
    }
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].begin < c.end && c.begin < tokens[k].end) usable[k] = 0;
    }
  }
  std::vector<text::Token> name;
  int runs = 0;
  for (size_t a = 0; a < tokens.size() && runs < 3;) {
    if (!usable[a]) {
      ++a;
      continue;
    }
    size_t b = a;
    bool all_generic = true;
    while (b < tokens.size() && usable[b] && b - a < 8) {
      all_generic = all_generic && generic[b];
      ++b;
    }
    const size_t run_begin = a, run_end = b;
    a = b;
    if (all_generic) continue;  // "photo printer": a category, not a product
    ++runs;
    const std::string_view query = scan.text.substr(
        tokens[run_begin].begin, tokens[run_end - 1].end - tokens[run_begin].begin);
    std::vector<NameMatch> matches =
        catalog_.FindByName(query, FindOptions{.limit = 2, .min_score = min_score_});
    if (matches.empty()) {
      // "il nimbus 13 va bene": words no name holds ("va", "bene") sink the
      // score; the words the names hold may still name a product.
      const std::string known = KnownWords(scan, run_begin, run_end);
      if (!known.empty() && known.size() < query.size()) {
        matches = catalog_.FindByName(known, FindOptions{.limit = 2, .min_score = min_score_});
      }
    }
    if (matches.empty() && run_end - run_begin >= 2 && AllDigits(tokens[run_begin].text)) {
      // "3 lightning cables": a count before the name is no word of it.
      const std::string_view rest = scan.text.substr(
          tokens[run_begin + 1].begin, tokens[run_end - 1].end - tokens[run_begin + 1].begin);
      matches = catalog_.FindByName(rest, FindOptions{.limit = 2, .min_score = min_score_});
    }
    if (matches.empty()) {
      // "two photozen printers": the words around a model may hide it.
      FindModel(scan, run_begin, run_end, /*run_matched_nothing=*/true, candidates);
      continue;
    }
    const ProductIndex best = matches[0].product;
    if (matches.size() > 1 && matches[1].score > matches[0].score - 0.05 &&
        catalog_.product(matches[1].product).variant_group !=
            catalog_.product(best).variant_group) {
      // "photozen": two products fit as well (the dialogue asks); perhaps
      // the words name what they share.
      FindModel(scan, run_begin, run_end, /*run_matched_nothing=*/false, candidates);
      continue;
    }
    const Product product = catalog_.product(best);
    text::Tokenize(product.name, {}, &name);
    const size_t name_words = name.size();
    for (text::Token& t : text::Tokenize(product.brand)) name.push_back(std::move(t));
    auto match_at = [&](size_t k, bool* distinctive, bool* coined = nullptr) {
      for (size_t n = 0; n < name.size(); ++n) {
        // "cp400", "30w": two words of the name glued ("CP-400", "30 W").
        const bool glued = n + 1 < name_words && HasDigit(tokens[k].text) &&
                           tokens[k].text.size() == name[n].text.size() + name[n + 1].text.size() &&
                           tokens[k].text.starts_with(name[n].text) &&
                           tokens[k].text.ends_with(name[n + 1].text);
        if (!glued && !Matches(tokens[k].text, name[n].text)) continue;
        if (distinctive != nullptr && n < name_words && !generic[k] && Distinctive(name[n].text)) {
          *distinctive = true;
        }
        if (coined != nullptr && n < name_words && !generic[k] && Coined(name[n].text)) {
          *coined = true;
        }
        return true;
      }
      return false;
    };
    size_t first = run_begin, last = run_end;
    while (first < last && !match_at(first, nullptr)) ++first;
    while (last > first && !match_at(last - 1, nullptr)) --last;
    if (first == last) continue;
    // Two words of the name, or a model number, with one distinctive word
    // that is not the brand, and a word with letters that is no category,
    // colour or size word: "photozen 6", "fire station", "Titan 16", "CP-400";
    // not "gaming" or "canora" alone, nor "2" or "2 printers" (Kodex Mini 2).
    // One word will do when it is a coined name only this product has
    // ("QuietOne", "KidSafe").
    // A category word as the head of the words said counts for no word of
    // a name: "a gaming laptop" is a laptop, not the "Titan 16 Gaming
    // Laptop"; "plush fox" (the category word a modifier) is the Plush Fox.
    // The head is the last word in English, the first in Italian and French.
    const size_t head = scan.language == text::Language::kEnglish ? last - 1 : first;
    bool distinctive = false, digit = false, lettered = false, coined = false;
    int matched = 0;
    for (size_t k = first; k < last; ++k) {
      // Function words name nothing ("1 To" of terabytes is not "USB-C to
      // Lightning Cable, 1 m").
      if (IsFunctionWordOfName(tokens[k].text)) continue;
      if (!match_at(k, &distinctive, &coined)) continue;
      bool category = false;
      for (const Candidate& c : *candidates) {
        category = category || (k == head && c.type == EntityType::kCategory &&
                                tokens[k].begin < c.end && c.begin < tokens[k].end);
      }
      if (!category) ++matched;
      digit = digit || HasDigit(tokens[k].text);
      lettered = lettered || (!generic[k] && HasLetter(tokens[k].text));
    }
    if (!distinctive || !lettered || (matched < 2 && !digit && !coined)) continue;
    // A short code alone ("A3") said beside another of its shape that is no
    // word of the name ("carta A4 o A3?") names formats, not the A3+ printer.
    if (matched < 2 && !coined && last - first == 1 && ShortCode(tokens[first].text)) {
      bool formats = false;
      for (size_t k = 0; k < tokens.size(); ++k) {
        formats = formats || (k != first && ShortCode(tokens[k].text) && !match_at(k, nullptr));
      }
      if (formats) continue;
    }
    bool seen = false;
    for (const Candidate& c : *candidates) {
      seen = seen || (c.type == EntityType::kProduct && c.value == product.id);
    }
    if (seen) continue;
    Candidate& c = candidates->emplace_back();
    c.type = EntityType::kProduct;
    c.begin = static_cast<uint32_t>(tokens[first].begin);
    c.end = static_cast<uint32_t>(tokens[last - 1].end);
    c.value = std::string(product.id);
    c.confidence = std::min(0.99, matches[0].score);
    c.priority = kPriorityProduct;
    AddQuantityBefore(scan, static_cast<uint32_t>(first), candidates);
  }
}

}  // namespace chatcart::entities
