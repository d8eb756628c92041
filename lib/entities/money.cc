// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/money.h"

#include <optional>
#include <string>

#include "chatcart/money.h"

namespace chatcart::entities {
namespace {

using text::Language;

// ---- Words

struct CurrencyWord {
  const char* phrase;
  const char* code;  // "$": the dollar currency; "*": the store's
  bool weak;
};

// Symbols and codes, in every language.
constexpr CurrencyWord kNeutralCurrencies[] = {
    {"$", "$", false},      {"€", "EUR", false},     {"£", "GBP", false},    {"¥", "JPY", false},
    {"₹", "INR", false},    {"₩", "KRW", false},     {"₽", "RUB", false},  {"₺", "TRY", false},
    {"₪", "ILS", false},    {"us$", "USD", false},   {"us $", "USD", false}, {"c$", "CAD", false},
    {"ca$", "CAD", false},  {"a$", "AUD", false},    {"au$", "AUD", false},  {"usd", "USD", false},
    {"eur", "EUR", false},  {"gbp", "GBP", false},   {"inr", "INR", false},  {"jpy", "JPY", false},
    {"chf", "CHF", false},  {"cad", "CAD", false},   {"aud", "AUD", false},  {"rs", "INR", false},
    {"euro", "EUR", false}, {"euros", "EUR", false},
};

constexpr CurrencyWord kEnglishCurrencies[] = {
    {"dollar", "$", false},
    {"dollars", "$", false},
    {"buck", "$", false},
    {"bucks", "$", false},
    {"pound", "GBP", true},
    {"pounds", "GBP", true},
    {"pounds sterling", "GBP", false},
    {"quid", "GBP", false},
    {"sterling", "GBP", false},
    {"rupee", "INR", false},
    {"rupees", "INR", false},
    {"yen", "JPY", false},
    {"francs", "CHF", true},
    {"swiss francs", "CHF", false},
};

constexpr CurrencyWord kItalianCurrencies[] = {
    {"dollaro", "$", false},    {"dollari", "$", false},
    {"euri", "EUR", false},     {"sterlina", "GBP", false},
    {"sterline", "GBP", false}, {"rupia", "INR", false},
    {"rupie", "INR", false},    {"yen", "JPY", false},
    {"franchi", "CHF", true},   {"franchi svizzeri", "CHF", false},
};

constexpr CurrencyWord kFrenchCurrencies[] = {
    {"dollar", "$", false},
    {"dollars", "$", false},
    {"livre", "GBP", true},
    {"livres", "GBP", true},
    {"livres sterling", "GBP", false},
    {"roupie", "INR", false},
    {"roupies", "INR", false},
    {"yen", "JPY", false},
    {"yens", "JPY", false},
    {"francs suisses", "CHF", false},
    {"balles", "*", true},
};

struct Cue {
  const char* phrase;
  BudgetKind kind;
};

// "<50€", ">100 $" (the tokenizer keeps '<', '>' and '~' as symbols).
constexpr Cue kSymbolCues[] = {
    {"<", BudgetKind::kUnder},
    {">", BudgetKind::kOver},
    {"~", BudgetKind::kAround},
};

constexpr Cue kEnglishPrefix[] = {
    {"under", BudgetKind::kUnder},
    {"below", BudgetKind::kUnder},
    {"less than", BudgetKind::kUnder},
    {"no more than", BudgetKind::kUnder},
    {"not more than", BudgetKind::kUnder},
    {"not over", BudgetKind::kUnder},
    {"nothing over", BudgetKind::kUnder},
    {"nothing above", BudgetKind::kUnder},
    {"nothing more than", BudgetKind::kUnder},
    {"up to", BudgetKind::kUnder},
    {"max", BudgetKind::kUnder},
    {"maximum", BudgetKind::kUnder},
    {"at most", BudgetKind::kUnder},
    {"within", BudgetKind::kUnder},
    {"cheaper than", BudgetKind::kUnder},
    {"lower than", BudgetKind::kUnder},
    {"not above", BudgetKind::kUnder},
    {"no higher than", BudgetKind::kUnder},
    {"less then", BudgetKind::kUnder},
    {"over", BudgetKind::kOver},
    {"above", BudgetKind::kOver},
    {"more than", BudgetKind::kOver},
    {"at least", BudgetKind::kOver},
    {"min", BudgetKind::kOver},
    {"minimum", BudgetKind::kOver},
    {"upwards of", BudgetKind::kOver},
    {"starting at", BudgetKind::kOver},
    {"starting from", BudgetKind::kOver},
    {"no less than", BudgetKind::kOver},
    {"not less than", BudgetKind::kOver},
    {"between", BudgetKind::kBetween},
    // Common misspellings of the longer cues.
    {"betwen", BudgetKind::kBetween},
    {"bewteen", BudgetKind::kBetween},
    {"beetween", BudgetKind::kBetween},
    {"arround", BudgetKind::kAround},
    {"aroung", BudgetKind::kAround},
    {"approximatly", BudgetKind::kAround},
    {"aproximately", BudgetKind::kAround},
    {"aprox", BudgetKind::kAround},
    {"around", BudgetKind::kAround},
    {"about", BudgetKind::kAround},
    {"approximately", BudgetKind::kAround},
    {"approx", BudgetKind::kAround},
    {"roughly", BudgetKind::kAround},
    {"circa", BudgetKind::kAround},
    {"more or less", BudgetKind::kAround},
    {"somewhere around", BudgetKind::kAround},
};
constexpr Cue kEnglishPostfix[] = {
    {"or less", BudgetKind::kUnder},       {"or under", BudgetKind::kUnder},
    {"or below", BudgetKind::kUnder},      {"or cheaper", BudgetKind::kUnder},
    {"or lower", BudgetKind::kUnder},      {"max", BudgetKind::kUnder},
    {"maximum", BudgetKind::kUnder},       {"at most", BudgetKind::kUnder},
    {"tops", BudgetKind::kUnder},          {"or more", BudgetKind::kOver},
    {"or above", BudgetKind::kOver},       {"or over", BudgetKind::kOver},
    {"or higher", BudgetKind::kOver},      {"plus", BudgetKind::kOver},
    {"at least", BudgetKind::kOver},       {"minimum", BudgetKind::kOver},
    {"or so", BudgetKind::kAround},        {"more or less", BudgetKind::kAround},
    {"give or take", BudgetKind::kAround},
};

constexpr Cue kItalianPrefix[] = {
    {"sotto", BudgetKind::kUnder},
    {"meno di", BudgetKind::kUnder},
    {"al massimo", BudgetKind::kUnder},
    {"massimo", BudgetKind::kUnder},
    {"max", BudgetKind::kUnder},
    {"non più di", BudgetKind::kUnder},
    {"non oltre", BudgetKind::kUnder},
    {"fino a", BudgetKind::kUnder},
    {"entro", BudgetKind::kUnder},
    {"inferiore a", BudgetKind::kUnder},
    {"non superiore a", BudgetKind::kUnder},
    {"sopra", BudgetKind::kOver},
    {"più di", BudgetKind::kOver},
    {"almeno", BudgetKind::kOver},
    {"oltre", BudgetKind::kOver},
    {"minimo", BudgetKind::kOver},
    {"non meno di", BudgetKind::kOver},
    {"a partire da", BudgetKind::kOver},
    {"superiore a", BudgetKind::kOver},
    {"tra", BudgetKind::kBetween},
    {"fra", BudgetKind::kBetween},
    {"circa", BudgetKind::kAround},
    {"intorno a", BudgetKind::kAround},
    {"intorno ai", BudgetKind::kAround},
    {"intorno agli", BudgetKind::kAround},
    {"attorno a", BudgetKind::kAround},
    {"attorno ai", BudgetKind::kAround},
    {"sui", BudgetKind::kAround},
    {"sugli", BudgetKind::kAround},
    {"più o meno", BudgetKind::kAround},
    {"all'incirca", BudgetKind::kAround},
    {"sulle", BudgetKind::kAround},
};
constexpr Cue kItalianPostfix[] = {
    {"o meno", BudgetKind::kUnder},     {"massimo", BudgetKind::kUnder},
    {"al massimo", BudgetKind::kUnder}, {"max", BudgetKind::kUnder},
    {"o più", BudgetKind::kOver},       {"minimo", BudgetKind::kOver},
    {"almeno", BudgetKind::kOver},      {"in su", BudgetKind::kOver},
    {"circa", BudgetKind::kAround},     {"più o meno", BudgetKind::kAround},
};

constexpr Cue kFrenchPrefix[] = {
    {"moins de", BudgetKind::kUnder},
    {"pas plus de", BudgetKind::kUnder},
    {"au maximum", BudgetKind::kUnder},
    {"maximum", BudgetKind::kUnder},
    {"max", BudgetKind::kUnder},
    {"maxi", BudgetKind::kUnder},
    {"jusqu'à", BudgetKind::kUnder},
    {"sous", BudgetKind::kUnder},
    {"en dessous de", BudgetKind::kUnder},
    {"en-dessous de", BudgetKind::kUnder},
    {"au-dessous de", BudgetKind::kUnder},
    {"au plus", BudgetKind::kUnder},
    {"inférieur à", BudgetKind::kUnder},
    {"moins cher que", BudgetKind::kUnder},
    {"pas plus cher que", BudgetKind::kUnder},
    {"plus de", BudgetKind::kOver},
    {"au moins", BudgetKind::kOver},
    {"au-dessus de", BudgetKind::kOver},
    {"minimum", BudgetKind::kOver},
    {"au minimum", BudgetKind::kOver},
    {"à partir de", BudgetKind::kOver},
    {"supérieur à", BudgetKind::kOver},
    {"entre", BudgetKind::kBetween},
    {"environ", BudgetKind::kAround},
    {"autour de", BudgetKind::kAround},
    {"à peu près", BudgetKind::kAround},
    {"dans les", BudgetKind::kAround},
    {"aux alentours de", BudgetKind::kAround},
    {"vers", BudgetKind::kAround},
    {"approximativement", BudgetKind::kAround},
};
constexpr Cue kFrenchPostfix[] = {
    {"ou moins", BudgetKind::kUnder}, {"maximum", BudgetKind::kUnder},
    {"max", BudgetKind::kUnder},      {"au maximum", BudgetKind::kUnder},
    {"au plus", BudgetKind::kUnder},  {"maxi", BudgetKind::kUnder},
    {"ou plus", BudgetKind::kOver},   {"minimum", BudgetKind::kOver},
    {"au moins", BudgetKind::kOver},  {"et plus", BudgetKind::kOver},
    {"environ", BudgetKind::kAround}, {"à peu près", BudgetKind::kAround},
};

void AddCurrencies(const CurrencyWord* words, size_t n, const ScanConfig& config,
                   LexiconBuilder* lx) {
  for (size_t i = 0; i < n; ++i) {
    std::string code = words[i].code;
    if (code == "$") code = config.dollar_currency;
    if (code == "*") code = config.store_currency;
    const int32_t id = lx->Value(code);
    const bool weak = words[i].weak;
    lx->Add(words[i].phrase, [id, weak](WordInfo& w) {
      w.roles |= kCurrency | (weak ? uint64_t{kWeakCurrency} : uint64_t{0});
      w.currency = id;
    });
  }
}

void AddCues(const Cue* cues, size_t n, uint64_t role, LexiconBuilder* lx) {
  for (size_t i = 0; i < n; ++i) {
    const int8_t kind = static_cast<int8_t>(cues[i].kind);
    lx->Add(cues[i].phrase, [kind, role](WordInfo& w) {
      w.roles |= role;
      w.budget = kind;
    });
  }
}

void AddFrom(std::string_view phrase, LexiconBuilder* lx) {
  lx->Add(phrase, [](WordInfo& w) {
    w.roles |= kBudgetPrefix;
    w.budget = kBudgetFrom;
  });
}

// ---- Recognition

struct Amount {
  int first = 0;  // units [first, last)
  int last = 0;
  Decimal value;
  std::string_view currency;  // "" when none was said
  bool weak_currency = false;
  bool thousands = false;  // "k", "grand"
  bool cents = false;      // "99 cents"
  bool around = false;     // "300ish", "~300"

  // Whether the words say it is money, not only a number.
  bool Said() const { return !currency.empty() || thousands || cents; }
};

// The currency unit `u` names, or "".
std::string_view CurrencyOf(const Scan& scan, const Unit& u, bool* weak) {
  if (u.Has(kCurrency)) {
    *weak = u.info->Has(kWeakCurrency);
    return scan.lexicon->value(u.info->currency);
  }
  // Any ISO 4217 code ICU knows, written in capitals ("50 SEK").
  if (u.kind == text::TokenKind::kWord && u.end - u.begin == 3 && !u.phrase) {
    std::string_view original = scan.Original(u);
    for (char c : original) {
      if (c < 'A' || c > 'Z') return {};
    }
    if (CurrencyExponent(original).ok()) {
      *weak = false;
      return original;
    }
  }
  return {};
}

std::optional<Amount> ParseAmount(const Scan& scan, int i) {
  Amount a;
  a.first = i;
  int j = i;
  const Unit* u = scan.at(j);
  if (u == nullptr) return std::nullopt;
  bool weak = false;
  if (!u->has_number) {
    std::string_view cur = CurrencyOf(scan, *u, &weak);
    const Unit* next = scan.at(j + 1);
    if (cur.empty() || next == nullptr || !next->has_number) return std::nullopt;
    // "60 euros, 70 at most": a currency before a comma names the amount before it.
    const std::string_view gap = scan.text.substr(u->end, next->begin - u->end);
    if (gap.find_first_of(",;:.!?") != std::string_view::npos) return std::nullopt;
    a.currency = cur;
    a.weak_currency = weak;
    u = scan.at(++j);
  }
  if (u->pronoun || u->article) return std::nullopt;
  a.value = u->number;
  if (u->prefix == Affix::kCurrency) {
    if (!a.currency.empty()) return std::nullopt;
    a.currency = scan.lexicon->value(u->affix_info->currency);
  } else if (u->prefix != Affix::kNone) {
    return std::nullopt;
  }
  switch (u->suffix) {
    case Affix::kNone:
      break;
    case Affix::kThousands:
      a.thousands = true;
      break;
    case Affix::kCurrency:
      a.currency = scan.lexicon->value(u->affix_info->currency);
      break;
    case Affix::kAround:
      a.around = true;
      break;
    default:
      return std::nullopt;
  }
  if (a.thousands) {
    std::optional<Decimal> v = a.value.Times(1000);
    if (!v.has_value()) return std::nullopt;
    a.value = *v;
  }
  const Unit* number = u;
  ++j;
  if (scan.Has(j, kThousands)) {
    std::optional<Decimal> v = a.value.Times(1000);
    if (!v.has_value() || a.thousands) return std::nullopt;
    a.value = *v;
    a.thousands = true;
    ++j;
  }
  if (const Unit* after = scan.at(j); after != nullptr) {
    std::string_view cur = CurrencyOf(scan, *after, &weak);
    if (!cur.empty()) {
      if (a.currency.empty()) {
        a.currency = cur;
        a.weak_currency = weak;
      }
      ++j;
    } else if (after->Has(kMinorUnit)) {
      std::optional<Decimal> v = a.value.Shifted(2);
      if (!v.has_value()) return std::nullopt;
      a.value = *v;
      a.cents = true;
      ++j;
    }
  }
  if (!a.Said()) {
    // "5 kg", "6 years", "4k": not an amount.
    if (number->Has(kMeasureUnit) ||
        scan.Has(j, kMeasureUnit | kAgeYears | kAgeMonths | kQuantityNoun | kAgeOld)) {
      return std::nullopt;
    }
  }
  if (scan.CharBefore(scan.units[static_cast<size_t>(i)].begin, '~')) a.around = true;
  a.last = j;
  return a;
}

std::optional<Money> ToMoney(const Decimal& value, std::string_view code) {
  absl::StatusOr<int> exponent = CurrencyExponent(code);
  if (!exponent.ok()) return std::nullopt;
  std::optional<int64_t> minor = value.ToMinorUnits(*exponent);
  if (!minor.has_value()) return std::nullopt;
  absl::StatusOr<Money> m = Money::FromMinorUnits(*minor, code);
  if (!m.ok()) return std::nullopt;
  return *m;
}

class MoneyFinder {
 public:
  MoneyFinder(const Scan& scan, std::vector<Candidate>* out) : scan_(scan), out_(out) {}

  void Run() {
    const int n = static_cast<int>(scan_.units.size());
    for (int i = 0; i < n; ++i) {
      const Unit& u = scan_.units[static_cast<size_t>(i)];
      if (u.Has(kBudgetPrefix)) Cued(i, u.info->budget);
      if (u.Has(kBudgetLead)) Lead(i);
      Bare(i);
    }
  }

 private:
  int SkipArticles(int j) const {
    while (scan_.Has(j, kArticle)) ++j;
    return j;
  }

  // "to 300", "- 300", "e i 30": the second amount of a range after `a`.
  std::optional<Amount> RangeEnd(const Amount& a, bool and_ok) const {
    const Unit* joiner = scan_.at(a.last);
    if (joiner == nullptr || !(joiner->Has(kRangeJoiner) || joiner->IsDash())) return std::nullopt;
    if (joiner->Has(kNumberAnd) && !and_ok) return std::nullopt;
    return ParseAmount(scan_, SkipArticles(a.last + 1));
  }

  // A postfix cue right after unit `last - 1`: its kind and the new end.
  std::optional<BudgetKind> Postfix(int* last) const {
    const Unit* p = scan_.at(*last);
    if (p == nullptr || !p->Has(kBudgetPostfix) || p->info->budget < 0 ||
        p->info->budget > static_cast<int8_t>(BudgetKind::kAround)) {
      return std::nullopt;
    }
    ++*last;
    return static_cast<BudgetKind>(p->info->budget);
  }

  void Emit(int first, int last, BudgetKind kind, const Amount& a, const Amount* b, bool cued) {
    std::string_view code = !a.currency.empty() ? a.currency : std::string_view();
    if (b != nullptr && !b->currency.empty()) {
      if (!code.empty() && code != b->currency) return;
      code = b->currency;
    }
    const bool said = a.Said() || (b != nullptr && b->Said());
    if (code.empty()) code = scan_.config->store_currency;
    std::optional<Money> mlo = ToMoney(a.value, code);
    std::optional<Money> mhi = ToMoney(b != nullptr ? b->value : a.value, code);
    if (!mlo.has_value() || !mhi.has_value()) return;
    if (b != nullptr && b->thousands && !a.thousands) {
      // "1-2k": the k applies to both ends when that keeps them in order.
      if (std::optional<Decimal> k = a.value.Times(1000)) {
        std::optional<Money> scaled = ToMoney(*k, code);
        if (scaled.has_value() && scaled->minor_units() <= mhi->minor_units()) mlo = scaled;
      }
    }
    if (b != nullptr && mhi->minor_units() < mlo->minor_units()) std::swap(mlo, mhi);
    Candidate& c = out_->emplace_back();
    c.type = EntityType::kMoney;
    const Unit& f = scan_.units[static_cast<size_t>(first)];
    c.begin = f.begin;
    if (scan_.CharBefore(c.begin, '~')) --c.begin;
    c.end = scan_.units[static_cast<size_t>(last - 1)].end;
    const bool weak = a.weak_currency || (b != nullptr && b->weak_currency);
    c.priority = said ? kPriorityMoney : kPriorityBudget;
    c.confidence = said ? (weak ? 0.8 : 0.95) : (cued ? 0.75 : 0.7);
    if (kind == BudgetKind::kExact && a.around && b == nullptr) kind = BudgetKind::kAround;
    c.kind = kind;
    c.currency_stated = said;
    switch (kind) {
      case BudgetKind::kExact:
      case BudgetKind::kAround:
        c.min = mlo;
        c.max = mlo;
        break;
      case BudgetKind::kUnder:
        c.max = b != nullptr ? mhi : mlo;
        break;
      case BudgetKind::kOver:
        c.min = mlo;
        break;
      case BudgetKind::kBetween:
        c.min = mlo;
        c.max = mhi;
        break;
    }
  }

  void Cued(int i, int8_t cue) {
    std::optional<Amount> a = ParseAmount(scan_, SkipArticles(i + 1));
    if (!a.has_value()) return;
    if (scan_.Has(i, kCueNeedsCurrency) && !a->Said()) return;
    const BudgetKind kind = static_cast<BudgetKind>(cue);
    if (cue == static_cast<int8_t>(BudgetKind::kBetween) || cue == kBudgetFrom) {
      std::optional<Amount> b = RangeEnd(*a, cue != kBudgetFrom);
      if (!b.has_value()) return;
      // "from 1 to 5" is no budget; "from 1 to 5 euros" is.
      if (cue == kBudgetFrom && !a->Said() && !b->Said()) return;
      Emit(i, b->last, BudgetKind::kBetween, *a, &*b, true);
      return;
    }
    if (std::optional<Amount> b = RangeEnd(*a, false); b.has_value()) {
      Emit(i, b->last, BudgetKind::kBetween, *a, &*b, true);
      return;
    }
    int last = a->last;
    Postfix(&last);  // "under 50 € max": the same bound said twice
    Emit(i, last, kind, *a, nullptr, true);
  }

  void Lead(int i) {
    int j = i + 1;
    while (scan_.Has(j, kFiller | kDeterminer) && !scan_.Has(j, kBudgetPrefix)) ++j;
    if (scan_.Has(j, kBudgetPrefix)) return;  // "budget of around 300": the cue speaks
    std::optional<Amount> a = ParseAmount(scan_, j);
    if (!a.has_value()) return;
    if (std::optional<Amount> b = RangeEnd(*a, false); b.has_value()) {
      Emit(j, b->last, BudgetKind::kBetween, *a, &*b, true);
      return;
    }
    int last = a->last;
    std::optional<BudgetKind> kind = Postfix(&last);
    Emit(j, last, kind.value_or(BudgetKind::kExact), *a, nullptr, true);
  }

  void Bare(int i) {
    std::optional<Amount> a = ParseAmount(scan_, i);
    if (!a.has_value()) return;
    if (std::optional<Amount> b = RangeEnd(*a, false); b.has_value()) {
      if (a->Said() || b->Said()) {
        int last = b->last;
        std::optional<BudgetKind> kind = Postfix(&last);
        (void)kind;  // "20-30 € max" is still a range
        Emit(i, last, BudgetKind::kBetween, *a, &*b, false);
        return;
      }
    }
    int last = a->last;
    if (std::optional<BudgetKind> kind = Postfix(&last); kind.has_value()) {
      Emit(i, last, *kind, *a, nullptr, true);
      return;
    }
    if (a->Said()) {
      Emit(i, last, BudgetKind::kExact, *a, nullptr, false);
    } else if (a->around) {
      Emit(i, last, BudgetKind::kAround, *a, nullptr, true);
    }
  }

  const Scan& scan_;
  std::vector<Candidate>* out_;
};

}  // namespace

bool IsDollarCurrency(std::string_view code) {
  for (std::string_view d :
       {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "BSD", "BBD", "BZD", "FJD",
        "JMD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "BMD", "KYD", "GYD", "BND"}) {
    if (code == d) return true;
  }
  return false;
}

void AddMoneyWords(Language language, const ScanConfig& config, LexiconBuilder* lx) {
  AddCurrencies(kNeutralCurrencies, std::size(kNeutralCurrencies), config, lx);
  lx->AddRoles({"k", "K"}, kThousands);
  lx->AddRoles({"-"}, kRangeJoiner);
  AddCues(kSymbolCues, std::size(kSymbolCues), kBudgetPrefix, lx);
  lx->AddRoles({"kg",   "g",      "gr",  "mg",  "lb",  "lbs", "oz", "cm", "mm",        "km",
                "inch", "inches", "ft",  "gb",  "tb",  "mb",  "mp", "w",  "watt",      "watts",
                "v",    "hz",     "mhz", "ghz", "mah", "ml",  "cl", "%",  "megapixel", "mpx"},
               kMeasureUnit);
  switch (language) {
    case Language::kEnglish:
      AddCurrencies(kEnglishCurrencies, std::size(kEnglishCurrencies), config, lx);
      AddCues(kEnglishPrefix, std::size(kEnglishPrefix), kBudgetPrefix, lx);
      AddCues(kEnglishPostfix, std::size(kEnglishPostfix), kBudgetPostfix, lx);
      AddFrom("from", lx);
      lx->AddRoles({"grand"}, kThousands);
      lx->AddRoles({"within", "about"}, kCueNeedsCurrency);
      lx->AddRoles({"cents", "cent"}, kMinorUnit);
      lx->AddRoles({"and", "to", "till", "until"}, kRangeJoiner);
      lx->AddRoles({"budget", "spend", "spending", "pay"}, kBudgetLead);
      lx->AddRoles({"is", "of", "about", "my", "like", "would", "be", "will", "only", "just",
                    "want", "to", "can", "could", "i"},
                   kFiller);
      lx->AddRoles({"percent", "per cent", "hours", "hour", "minutes", "days", "weeks", "times",
                    "feet", "foot", "inch", "pages", "liters", "litres"},
                   kMeasureUnit);
      break;
    case Language::kItalian:
      AddCurrencies(kItalianCurrencies, std::size(kItalianCurrencies), config, lx);
      AddCues(kItalianPrefix, std::size(kItalianPrefix), kBudgetPrefix, lx);
      AddCues(kItalianPostfix, std::size(kItalianPostfix), kBudgetPostfix, lx);
      AddFrom("da", lx);
      lx->AddRoles({"sui", "sugli", "sulle", "entro"}, kCueNeedsCurrency);
      lx->AddRoles({"centesimi", "centesimo"}, kMinorUnit);
      lx->AddRoles({"e", "a", "fino a"}, kRangeJoiner);
      lx->AddRoles({"i", "gli", "le", "il", "lo", "la", "l", "ai", "agli", "alle", "al"}, kArticle);
      lx->AddRoles({"budget", "spendere", "spendo", "pagare", "spesa"}, kBudgetLead);
      lx->AddRoles(
          {"è", "e", "di", "da", "il", "mio", "massima", "vorrei", "voglio", "posso", "fino"},
          kFiller);
      lx->AddRoles({"percento", "per cento", "ore", "minuti", "giorni", "settimane", "volte",
                    "pollici", "litri", "grammi", "chili", "metri", "centimetri", "pagine"},
                   kMeasureUnit);
      break;
    case Language::kFrench:
      AddCurrencies(kFrenchCurrencies, std::size(kFrenchCurrencies), config, lx);
      AddCues(kFrenchPrefix, std::size(kFrenchPrefix), kBudgetPrefix, lx);
      AddCues(kFrenchPostfix, std::size(kFrenchPostfix), kBudgetPostfix, lx);
      AddFrom("de", lx);
      lx->AddRoles({"vers", "dans les", "sous"}, kCueNeedsCurrency);
      lx->AddRoles({"centimes", "centime"}, kMinorUnit);
      lx->AddRoles({"et", "à", "a", "jusqu'à"}, kRangeJoiner);
      lx->AddRoles({"les", "le", "la", "l"}, kArticle);
      lx->AddRoles({"budget", "dépenser", "payer"}, kBudgetLead);
      lx->AddRoles({"est", "de", "d", "mon", "max", "je", "veux", "peux", "voudrais", "j"},
                   kFiller);
      lx->AddRoles({"pour cent", "pourcent", "heures", "minutes", "jours", "semaines", "fois",
                    "pouces", "litres", "grammes", "kilos", "mètres", "centimètres", "pages"},
                   kMeasureUnit);
      break;
  }
}

void FindMoney(const Scan& scan, std::vector<Candidate>* out) { MoneyFinder(scan, out).Run(); }

}  // namespace chatcart::entities
