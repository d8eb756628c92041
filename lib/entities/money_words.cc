// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "entities/money.h"
#include "text/fold.h"

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
  // An over cue a negation turns into a most to spend ("I don't want to go
  // over 900"), or a raise that says a new most ("alzo a 50"): a reply shows
  // the amount as "max 900" (MostToSpendDisplay).
  bool shown_as_max = false;
};
constexpr bool kShownAsMax = true;

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
    {"a maximum of", BudgetKind::kUnder},
    {"more expensive than", BudgetKind::kOver},
    {"pricier than", BudgetKind::kOver},
    {"higher than", BudgetKind::kOver},
    {"dearer than", BudgetKind::kOver},
    {"less expensive than", BudgetKind::kUnder},
    {"maximum of", BudgetKind::kUnder},
    {"max of", BudgetKind::kUnder},
    {"no more then", BudgetKind::kUnder},
    {"not more then", BudgetKind::kUnder},
    {"over", BudgetKind::kOver, kShownAsMax},
    {"above", BudgetKind::kOver, kShownAsMax},
    {"more than", BudgetKind::kOver, kShownAsMax},
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
    {"at the very most", BudgetKind::kUnder},
    {"at the most", BudgetKind::kUnder},
    {"and no more", BudgetKind::kUnder},
    {"and not more", BudgetKind::kUnder},
    {"or thereabouts", BudgetKind::kAround},
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
    {"sopra", BudgetKind::kOver, kShownAsMax},
    {"più di", BudgetKind::kOver, kShownAsMax},
    {"almeno", BudgetKind::kOver},
    {"oltre", BudgetKind::kOver, kShownAsMax},
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
    {"+ di", BudgetKind::kOver},
    {"al max", BudgetKind::kUnder},
    {"al massimo di", BudgetKind::kUnder},
    {"più alto di", BudgetKind::kOver},
    {"più caro di", BudgetKind::kOver},
    {"più cara di", BudgetKind::kOver},
    {"più cari di", BudgetKind::kOver},
    {"più care di", BudgetKind::kOver},
    {"meno caro di", BudgetKind::kUnder},
    {"meno cara di", BudgetKind::kUnder},
    {"meno cari di", BudgetKind::kUnder},
    {"che costi meno di", BudgetKind::kUnder},
    // "Alzo a 50", "posso arrivare a 80": a new most to spend.
    {"alzo a", BudgetKind::kUnder, kShownAsMax},
    {"alziamo a", BudgetKind::kUnder, kShownAsMax},
    {"salgo a", BudgetKind::kUnder, kShownAsMax},
    {"saliamo a", BudgetKind::kUnder, kShownAsMax},
    {"arrivo a", BudgetKind::kUnder, kShownAsMax},
    {"arrivo fino a", BudgetKind::kUnder, kShownAsMax},
    {"posso arrivare a", BudgetKind::kUnder, kShownAsMax},
};
constexpr Cue kItalianPostfix[] = {
    {"o meno", BudgetKind::kUnder},     {"massimo", BudgetKind::kUnder},
    {"al massimo", BudgetKind::kUnder}, {"max", BudgetKind::kUnder},
    {"o più", BudgetKind::kOver},       {"minimo", BudgetKind::kOver},
    {"almeno", BudgetKind::kOver},      {"in su", BudgetKind::kOver},
    {"circa", BudgetKind::kAround},     {"più o meno", BudgetKind::kAround},
    {"al max", BudgetKind::kUnder},     {"e non di più", BudgetKind::kUnder},
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
    {"plus de", BudgetKind::kOver, kShownAsMax},
    {"au moins", BudgetKind::kOver},
    {"au-dessus de", BudgetKind::kOver, kShownAsMax},
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
    {"+ de", BudgetKind::kOver},
    {"plus cher que", BudgetKind::kOver},
    {"plus chère que", BudgetKind::kOver},
    {"plus chers que", BudgetKind::kOver},
    {"au-delà de", BudgetKind::kOver},
    {"au delà de", BudgetKind::kOver},
    {"au max", BudgetKind::kUnder},
    {"grand maximum", BudgetKind::kUnder},
    // "Je monte à 50", "on peut aller à 80".
    {"je monte à", BudgetKind::kUnder, kShownAsMax},
    {"on monte à", BudgetKind::kUnder, kShownAsMax},
    {"je peux monter à", BudgetKind::kUnder, kShownAsMax},
    {"je peux aller à", BudgetKind::kUnder, kShownAsMax},
};
constexpr Cue kFrenchPostfix[] = {
    {"ou moins", BudgetKind::kUnder},
    {"maximum", BudgetKind::kUnder},
    {"max", BudgetKind::kUnder},
    {"au maximum", BudgetKind::kUnder},
    {"au plus", BudgetKind::kUnder},
    {"maxi", BudgetKind::kUnder},
    {"ou plus", BudgetKind::kOver},
    {"minimum", BudgetKind::kOver},
    {"au moins", BudgetKind::kOver},
    {"et plus", BudgetKind::kOver},
    {"environ", BudgetKind::kAround},
    {"à peu près", BudgetKind::kAround},
    {"au max", BudgetKind::kUnder},
    {"grand max", BudgetKind::kUnder},
    {"grand maximum", BudgetKind::kUnder},
    // "Je monte à 50", "on peut aller à 80".
    {"je monte à", BudgetKind::kUnder},
    {"on monte à", BudgetKind::kUnder},
    {"je peux monter à", BudgetKind::kUnder},
    {"je peux aller à", BudgetKind::kUnder},
};

// Verbs that say an "over" cue ("exceed 40 euros"); negated, a maximum.
constexpr Cue kEnglishVerbs[] = {
    {"exceed", BudgetKind::kOver},    {"exceeds", BudgetKind::kOver},
    {"exceeding", BudgetKind::kOver}, {"exceeded", BudgetKind::kOver},
    {"go beyond", BudgetKind::kOver}, {"going beyond", BudgetKind::kOver},
};
constexpr Cue kItalianVerbs[] = {
    {"superare", BudgetKind::kOver, kShownAsMax},
    {"supera", BudgetKind::kOver},
    {"superi", BudgetKind::kOver},
    {"superino", BudgetKind::kOver},
    {"superiamo", BudgetKind::kOver},
    {"sforare", BudgetKind::kOver},
    {"sfori", BudgetKind::kOver},
    {"andare oltre", BudgetKind::kOver},
};
constexpr Cue kFrenchVerbs[] = {
    {"dépasser", BudgetKind::kOver, kShownAsMax},
    {"dépasse", BudgetKind::kOver},
    {"dépasses", BudgetKind::kOver},
    {"dépassent", BudgetKind::kOver},
    {"dépassant", BudgetKind::kOver},
    {"dépasserai", BudgetKind::kOver},
    {"dépassera", BudgetKind::kOver},
    {"dépassez", BudgetKind::kOver},
    {"dépasserais", BudgetKind::kOver},
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

}  // namespace

bool IsDollarCurrency(std::string_view code) {
  for (std::string_view d :
       {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "BSD", "BBD", "BZD", "FJD",
        "JMD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "BMD", "KYD", "GYD", "BND"}) {
    if (code == d) return true;
  }
  return false;
}

std::string MostToSpendDisplay(std::string_view span) {
  // Each cue shown as "max", followed by a space, as written and without its
  // accents ("più di", "piu di"), in every language.
  static const std::vector<std::string>* const kCues = [] {
    auto* cues = new std::vector<std::string>;
    for (const auto& [table, n] : {std::pair{kEnglishPrefix, std::size(kEnglishPrefix)},
                                   {kItalianPrefix, std::size(kItalianPrefix)},
                                   {kFrenchPrefix, std::size(kFrenchPrefix)},
                                   {kEnglishVerbs, std::size(kEnglishVerbs)},
                                   {kItalianVerbs, std::size(kItalianVerbs)},
                                   {kFrenchVerbs, std::size(kFrenchVerbs)}}) {
      for (size_t i = 0; i < n; ++i) {
        if (!table[i].shown_as_max) continue;
        const std::string phrase = table[i].phrase;
        cues->push_back(phrase + " ");
        const std::string plain = text::Fold(phrase, {.strip_accents = true});
        if (plain != phrase) cues->push_back(plain + " ");
      }
    }
    return cues;
  }();
  for (const std::string& cue : *kCues) {
    if (span.size() > cue.size() && absl::StartsWithIgnoreCase(ToAbsl(span), cue)) {
      return absl::StrCat("max ", ToAbsl(span.substr(cue.size())));
    }
  }
  return std::string(span);
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
      lx->AddRoles({"the"}, kArticle);
      AddCues(kEnglishVerbs, std::size(kEnglishVerbs), kBudgetPrefix | kBudgetVerb, lx);
      lx->AddRoles({"limit", "ceiling", "cap"}, kBudgetLead | kLimitLead);
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
      AddCues(kItalianVerbs, std::size(kItalianVerbs), kBudgetPrefix | kBudgetVerb, lx);
      lx->AddRoles({"limite", "tetto", "tetto massimo"}, kBudgetLead | kLimitLead);
      AddFrom("dai", lx);
      AddFrom("dal", lx);
      AddFrom("dagli", lx);
      AddFrom("dalle", lx);
      lx->AddRoles({"ai", "agli", "alle", "al"}, kRangeJoiner);
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
      lx->AddRoles({"budget", "dépenser", "payer", "mettre", "mettrai", "mettrais"}, kBudgetLead);
      AddCues(kFrenchVerbs, std::size(kFrenchVerbs), kBudgetPrefix | kBudgetVerb, lx);
      lx->AddRoles({"limite", "plafond"}, kBudgetLead | kLimitLead);
      lx->AddRoles({"c", "c'est"}, kFiller);
      lx->AddRoles({"est", "de", "d", "mon", "max", "je", "veux", "peux", "voudrais", "j"},
                   kFiller);
      lx->AddRoles({"pour cent", "pourcent", "heures", "minutes", "jours", "semaines", "fois",
                    "pouces", "litres", "grammes", "kilos", "mètres", "centimètres", "pages"},
                   kMeasureUnit);
      break;
  }
}

}  // namespace chatcart::entities
