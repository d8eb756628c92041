// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/product_words.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "chatcart/recommend.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart::engine {
namespace {

// Built-in synonyms: a shopper's word (plain) and the attribute names it may
// mean, tried in order against the catalog's attribute names.
struct Synonym {
  std::string_view word;
  std::string_view attributes;  // comma-separated names
  bool whole = false;           // the word itself, not words it begins
};

constexpr Synonym kSynonyms[] = {
    {"battery", "battery_life,battery,battery_hours"},
    {"batteria", "battery_life,battery,battery_hours"},
    {"batterie", "battery_life,battery,battery_hours"},
    // "Ils tiennent combien de temps ?", "quanto dura?", "how long does it
    // last": the battery, where a product has one.
    {"tient", "battery_life,battery,battery_hours", /*whole=*/true},
    {"tiennent", "battery_life,battery,battery_hours", /*whole=*/true},
    {"dure", "battery_life,battery,battery_hours", /*whole=*/true},
    {"durent", "battery_life,battery,battery_hours", /*whole=*/true},
    {"dura", "battery_life,battery,battery_hours", /*whole=*/true},
    {"durano", "battery_life,battery,battery_hours", /*whole=*/true},
    {"lasts", "battery_life,battery,battery_hours", /*whole=*/true},
    {"autonomy", "battery_life,battery"},
    {"autonomia", "battery_life,battery"},
    {"autonomie", "battery_life,battery"},
    {"weight", "weight,weight_g,weight_kg"},
    {"heavy", "weight,weight_g,weight_kg"},
    {"peso", "weight,weight_g,weight_kg"},
    {"pesa", "weight,weight_g,weight_kg"},
    {"pesante", "weight,weight_g,weight_kg"},
    {"poids", "weight,weight_g,weight_kg"},
    {"lourd", "weight,weight_g,weight_kg"},
    {"pese", "weight,weight_g,weight_kg"},
    // "Which is the lightest?", "la più leggera?": the weight, least first.
    {"lightest", "weight,weight_g,weight_kg", /*whole=*/true},
    {"lighter", "weight,weight_g,weight_kg", /*whole=*/true},
    {"leggera", "weight,weight_g,weight_kg", /*whole=*/true},
    {"leggero", "weight,weight_g,weight_kg", /*whole=*/true},
    {"leggere", "weight,weight_g,weight_kg", /*whole=*/true},
    {"leggeri", "weight,weight_g,weight_kg", /*whole=*/true},
    {"leger", "weight,weight_g,weight_kg", /*whole=*/true},
    {"legere", "weight,weight_g,weight_kg", /*whole=*/true},
    {"legers", "weight,weight_g,weight_kg", /*whole=*/true},
    {"legeres", "weight,weight_g,weight_kg", /*whole=*/true},
    {"heaviest", "weight,weight_g,weight_kg"},
    {"heavier", "weight,weight_g,weight_kg"},
    // "Il vient d'où ?", "da dove viene?": its origin.
    {"viene", "origin,origins,provenance", /*whole=*/true},
    {"vient", "origin,origins,provenance", /*whole=*/true},
    {"proviene", "origin,origins,provenance", /*whole=*/true},
    {"provient", "origin,origins,provenance", /*whole=*/true},
    {"grown", "origin,origins,provenance", /*whole=*/true},
    {"material", "material,materials,fabric"},
    {"materiale", "material,materials,fabric"},
    {"matiere", "material,materials,fabric"},
    {"tessuto", "material,materials,fabric"},
    {"tissu", "material,materials,fabric"},
    {"fabric", "material,materials,fabric"},
    {"screen", "screen_size,screen,display"},
    {"display", "screen_size,screen,display"},
    {"schermo", "screen_size,screen,display"},
    {"ecran", "screen_size,screen,display"},
    {"inch", "screen_size"},
    {"inches", "screen_size"},
    {"pollici", "screen_size"},
    {"pouces", "screen_size"},
    {"storage", "storage,capacity"},
    {"ssd", "storage,capacity"},
    {"disk", "storage,capacity"},
    {"disco", "storage,capacity"},
    {"stockage", "storage,capacity"},
    {"archiviazione", "storage,capacity"},
    {"ram", "ram,memory"},
    {"memory", "ram,memory"},
    {"memoria", "ram,memory"},
    {"memoire", "ram,memory"},
    {"ink", "ink_cartridges,cost_per_print"},
    {"inchiostro", "ink_cartridges,cost_per_print"},
    {"encre", "ink_cartridges,cost_per_print"},
    {"cartucce", "ink_cartridges"},
    {"cartouches", "ink_cartridges"},
    {"wifi", "connection,connectivity"},
    {"bluetooth", "connection,connectivity"},
    {"connect", "connection,connectivity"},
    {"connessione", "connection,connectivity"},
    {"connexion", "connection,connectivity"},
    {"format", "print_size,format"},
    {"formato", "print_size,format"},
    {"age", "age_min,age_max"},
    {"eta", "age_min,age_max"},
    {"old", "age_min,age_max"},
    {"anni", "age_min,age_max"},
    {"ans", "age_min,age_max"},
    {"compatible", "compatible_with,compatibility,works_with"},
    {"compatibile", "compatible_with,compatibility,works_with"},
    {"work", "compatible_with,compatibility,works_with"},
    {"works", "compatible_with,compatibility,works_with"},
    {"funziona", "compatible_with,compatibility,works_with"},
    {"marche", "compatible_with,compatibility,works_with"},
    {"fonctionne", "compatible_with,compatibility,works_with"},
    {"material", "material,materiale,matiere,fabric"},
    {"materiale", "material,materiale,matiere,fabric"},
    {"matiere", "material,materiale,matiere,fabric"},
    {"tessuto", "material,fabric"},
    {"tissu", "material,fabric"},
    {"speed", "speed,boost_clock,core_clock"},
    {"noise", "noise_level,noise"},
    {"rumore", "noise_level,noise"},
    {"bruit", "noise_level,noise"},
    // "Lequel est le plus fort ?", "which is the strongest": the intensity.
    {"strong", "intensity,strength"},
    {"stronger", "intensity,strength"},
    {"strongest", "intensity,strength"},
    {"fort", "intensity,strength", /*whole=*/true},
    {"forte", "intensity,strength", /*whole=*/true},
    {"corse", "intensity,strength", /*whole=*/true},
    {"intense", "intensity,strength", /*whole=*/true},
    {"intenso", "intensity,strength", /*whole=*/true},
    {"intensa", "intensity,strength", /*whole=*/true},
    // "Il est comment en bouche ?", "how does it taste?": the tasting notes.
    {"taste", "notes,tasting_notes,flavour,flavor"},
    {"tastes", "notes,tasting_notes,flavour,flavor"},
    {"flavour", "notes,tasting_notes,flavour,flavor"},
    {"flavor", "notes,tasting_notes,flavour,flavor"},
    {"gusto", "notes,tasting_notes,flavour,flavor"},
    {"sapore", "notes,tasting_notes,flavour,flavor"},
    {"palato", "notes,tasting_notes,flavour,flavor"},
    {"gout", "notes,tasting_notes,flavour,flavor", /*whole=*/true},  // not "goûter"
    {"gouts", "notes,tasting_notes,flavour,flavor"},
    {"bouche", "notes,tasting_notes,flavour,flavor"},
    {"saveur", "notes,tasting_notes,flavour,flavor"},
};

constexpr std::string_view kPriceWords[] = {"price",   "prices",    "cost",    "costs",  "costa",
                                            "costano", "costo",     "prezzo",  "prezzi", "prix",
                                            "coute",   "coutent",   "combien", "quanto", "quanti",
                                            "much",    "expensive", "cher",    "caro",   "cara"};
constexpr std::string_view kStockWords[] = {
    "stock",         "available",  "availability", "disponibile", "disponibili",
    "disponibilita", "disponible", "disponibles",  "magazzino",   "left"};
constexpr std::string_view kRatingWords[] = {"rating",      "rated",      "reviews", "stars",
                                             "valutazione", "recensioni", "stelle",  "avis",
                                             "note",        "etoiles"};
constexpr std::string_view kVariantWords[] = {
    "size",     "sizes",    "taglia",   "taglie",    "taille",   "tailles",
    "numero",   "numeri",   "pointure", "pointures", "colour",   "colours",
    "color",    "colors",   "colore",   "colori",    "couleur",  "couleurs",
    "capacity", "capacita", "capacite", "versions",  "versioni", "variants"};
// "per photo", "par impression", "a stampa": the cost of one print.
constexpr std::string_view kPerWords[] = {"per", "par", "a", "each", "ogni", "chaque", "la"};
constexpr std::string_view kPrintWords[] = {"photo", "photos", "print",  "prints",
                                            "foto",  "stampa", "stampe", "impression",
                                            "page",  "pagina", "copy",   "copia"};
constexpr std::string_view kRunWords[] = {"run", "running", "usare", "utiliser", "usage"};
constexpr std::string_view kStopWords[] = {"per",  "par",  "of",  "de", "di", "the", "le",
                                           "la",   "to",   "in",  "a",  "du", "des", "con",
                                           "with", "avec", "and", "e",  "et"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Articles, pronouns, prepositions, conjunctions, auxiliaries and question
// words of en/it/fr (see IsFunctionWord).
constexpr std::string_view kFunctionWords[] = {
    "the",  "a",   "an",   "one",  "i",      "with",   "that",   "this",   "it",   "and",  "or",
    "of",   "for", "to",   "me",   "il",     "lo",     "la",     "le",     "gli",  "un",   "una",
    "uno",  "di",  "da",   "del",  "quello", "quella", "questo", "questa", "per",  "con",  "e",
    "les",  "des", "du",   "de",   "je",     "pour",   "avec",   "et",     "ou",   "mi",   "ci",
    "si",   "so",  "too",  "also", "anche",  "aussi",  "what",   "how",    "is",   "are",  "does",
    "sono", "nel", "nei",  "ce",   "c",      "ha",     "hai",    "avete",  "est",  "sont", "y",
    "au",   "aux", "dans", "en",   "in",     "on",     "at",     "do",     "have", "has",  "can"};

std::vector<std::string> PlainWords(std::string_view text) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(ToAbsl(text), absl::ByAnyChar(" _-/'()"), absl::SkipEmpty())) {
    std::string p = PlainWord(ToStd(w));
    if (!p.empty() && !In(kStopWords, p)) out.push_back(std::move(p));
  }
  return out;
}

std::optional<AttributeId> AttributeNamed(const Catalog& catalog, std::string_view names) {
  for (absl::string_view name : absl::StrSplit(ToAbsl(names), ',')) {
    for (const AttributeInfo& info : catalog.attributes()) {
      if (info.name == name) return info.id;
    }
    for (const AttributeInfo& info : catalog.attributes()) {  // "weight_g", "battery_hours"
      if (absl::StartsWith(info.name, absl::StrCat(name, "_"))) return info.id;
    }
  }
  return std::nullopt;
}

}  // namespace

bool IsFunctionWord(std::string_view word) { return In(kFunctionWords, word); }

std::string PlainWord(std::string_view word) {
  std::string out;
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // what Fold does to ASCII: lower case
    out.reserve(word.size());
    for (char c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
  }
  std::string folded = text::Fold(word, {.strip_accents = true});
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

std::span<const uint32_t> CatalogWords::ValuesKeyed(std::string_view key) const {
  auto it = values_by_key_.find(ToAbsl(key));
  if (it == values_by_key_.end()) return {};
  return it->second;
}

bool SameWord(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const size_t shorter = std::min(a.size(), b.size());
  if (shorter < 4) return false;
  size_t common = 0;
  while (common < shorter && a[common] == b[common]) ++common;
  if (common == shorter) return true;  // one begins the other
  return common >= 5 && common * 10 >= shorter * 7;
}

CatalogWords::CatalogWords(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {
  attributes_.resize(catalog_->attributes().size());
  for (const AttributeInfo& info : catalog_->attributes()) {
    Words& words = attributes_[info.id];
    auto add = [&](std::string_view text) {
      for (std::string& w : PlainWords(text)) words.plain.push_back(std::move(w));
    };
    add(info.name);
    add(info.label);
    for (const auto& [language, label] : info.labels) add(label);
    words.size = engine::NamesSize(info);
    if (info.type == AttributeType::kBool) {
      words.yes_no_names.push_back(PlainWordsOf(info.name));
      words.yes_no_names.push_back(PlainWordsOf(info.label));
      for (const auto& [language, label] : info.labels) {
        words.yes_no_names.push_back(PlainWordsOf(label));
      }
    }
    if ((info.type != AttributeType::kEnum && info.type != AttributeType::kList) || words.size) {
      continue;
    }
    for (const std::string& value : catalog_->dictionary(info.id)) {
      ValueNames& v = value_names_.emplace_back();
      v.attribute = info.id;
      v.value = value;
      v.names.push_back(PlainWordsOf(value));
      auto labels = info.value_labels.find(absl::AsciiStrToLower(value));
      if (labels == info.value_labels.end()) continue;
      for (const auto& [language, label] : labels->second) v.names.push_back(PlainWordsOf(label));
    }
  }
  for (uint32_t k = 0; k < value_names_.size(); ++k) {
    for (const std::vector<std::string>& name : value_names_[k].names) {
      if (name.empty()) continue;
      std::vector<uint32_t>& keyed = values_by_key_[ToAbsl(NameKey(name.front()))];
      if (keyed.empty() || keyed.back() != k) keyed.push_back(k);
    }
  }
  name_starts_.reserve(catalog_->size() + 1);
  for (ProductIndex i = 0; i < catalog_->size(); ++i) {
    name_starts_.push_back(static_cast<uint32_t>(name_words_.size()));
    for (std::string_view part : {catalog_->product_name(i), catalog_->product(i).brand}) {
      for (const std::string& w : PlainWordsOf(part)) {
        name_words_.append(w);
        name_words_.push_back(' ');
      }
    }
  }
  name_starts_.push_back(static_cast<uint32_t>(name_words_.size()));
}

std::vector<std::string_view> CatalogWords::NameWords(ProductIndex i) const {
  std::vector<std::string_view> out;
  const std::string_view all(name_words_);
  for (size_t pos = name_starts_[i]; pos < name_starts_[i + 1];) {
    const size_t end = all.find(' ', pos);
    out.push_back(all.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

std::vector<std::string> PlainWordsOf(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == ',' || c == '/' || c == '(' || c == ')') {
      if (!word.empty()) out.push_back(PlainWord(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(PlainWord(word));
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

bool CatalogWords::NamesAttribute(AttributeId id, std::string_view word) const {
  // "C'est pour les glisser dans mon sac" asks nothing of the "Pour"
  // (For) attribute: function words name none.
  if (word.size() < 3 || IsFunctionWord(word)) return false;
  for (const std::string& w : attributes_[id].plain) {
    if (SameWord(w, word)) return true;
  }
  return false;
}

bool NamesSize(const AttributeInfo& info) {
  const std::string name = PlainWord(info.name);
  const std::string label = PlainWord(info.label);
  for (std::string_view word : {"size", "taglia", "taille", "misura", "numero", "pointure"}) {
    if (SameWord(name, word) || SameWord(label, word)) return true;
    for (const auto& [language, label] : info.labels) {
      if (SameWord(PlainWord(label), word)) return true;
    }
  }
  return false;
}

std::vector<Asked> AskedAbout(const CatalogWords& words_of, const std::vector<std::string>& words) {
  const Catalog& catalog = words_of.catalog();
  auto NamesAttribute = [&](const AttributeInfo& info, std::string_view word) {
    return words_of.NamesAttribute(info.id, word);
  };
  std::vector<Asked> asked;
  auto add = [&](Asked a) {
    if (std::find(asked.begin(), asked.end(), a) == asked.end()) asked.push_back(a);
  };
  std::vector<std::string> plain;
  for (const std::string& w : words) plain.push_back(PlainWord(w));
  // "per photo", "to run": the cost of using it, not its price.
  bool per_print = false;
  for (size_t i = 0; i < plain.size(); ++i) {
    if (In(kPrintWords, plain[i]) && i > 0 && In(kPerWords, plain[i - 1])) per_print = true;
    if (In(kRunWords, plain[i]) && i > 0 && (plain[i - 1] == "to" || plain[i - 1] == "da")) {
      per_print = true;
    }
  }
  // "What's it made of?", "ils sont en quoi ?", "di cosa sono fatte?": the
  // material.
  // Not of a part named with it ("la semelle est en quoi ?": its
  // description says).
  static constexpr std::string_view kMadeOfWords[] = {
      "what", "whats", "made",  "they",  "them",  "these", "those", "quoi",  "cosa",  "sono",
      "sont", "elles", "fatto", "fatta", "fatte", "fatti", "fait",  "faits", "faite", "faites"};
  bool part_named = false;
  for (const std::string& w : plain) {
    part_named = part_named || (w.size() >= 4 && !IsFunctionWord(w) && !In(kMadeOfWords, w));
  }
  for (size_t i = 0; i + 1 < plain.size() && !part_named; ++i) {
    const bool made_of = (plain[i] == "made" && plain[i + 1] == "of") ||
                         (plain[i] == "en" && plain[i + 1] == "quoi") ||
                         (plain[i] == "di" && plain[i + 1] == "cosa");
    if (!made_of) continue;
    if (std::optional<AttributeId> a = AttributeNamed(catalog, "material,materials,fabric")) {
      add({Asked::kAttribute, *a});
    }
  }
  if (per_print) {
    if (std::optional<AttributeId> a =
            AttributeNamed(catalog, "cost_per_print,running_cost,energy_use,power_consumption")) {
      add({Asked::kAttribute, *a});
    }
  }
  // Words of the cart and the shop, never an attribute's ("cart" is not the
  // start of "cartridges").
  static constexpr std::string_view kShopWords[] = {
      "cart",     "carts", "basket", "carrello", "panier", "order",  "ordine",
      "commande", "total", "totale", "checkout", "code",   "codice", "shop"};
  for (const std::string& word : plain) {
    if (word.empty() || In(kShopWords, word)) continue;
    // "En stock ?": whether it is in stock, not the "Stockage" attribute.
    if (In(kStockWords, word)) {
      add({Asked::kStock, 0});
      continue;
    }
    bool matched = false;
    for (const Synonym& s : kSynonyms) {
      if (s.whole ? word != s.word : !SameWord(word, s.word)) continue;
      if (std::optional<AttributeId> a = AttributeNamed(catalog, s.attributes)) {
        add({catalog.attributes()[*a].variant_axis ? Asked::kVariants : Asked::kAttribute, *a});
        matched = true;
        // "What age is it for": from and up to ("3 to 6"), both ends.
        if (catalog.attributes()[*a].name == "age_min") {
          if (std::optional<AttributeId> most = AttributeNamed(catalog, "age_max")) {
            add({Asked::kAttribute, *most});
          }
        }
      }
    }
    if (matched) continue;
    if (In(kVariantWords, word)) {
      auto size_like = [](std::string_view w) {
        return w.starts_with("size") || w.starts_with("tagli") || w.starts_with("taill") ||
               w.starts_with("numer") || w.starts_with("pointur");
      };
      auto colour_like = [](std::string_view w) {
        return w.starts_with("colo") || w.starts_with("coul");
      };
      for (AttributeId axis : catalog.variant_axes()) {
        const AttributeInfo& info = catalog.attributes()[axis];
        const bool axis_size = NamesAttribute(info, "size") || NamesAttribute(info, "taglia") ||
                               NamesAttribute(info, "taille");
        const bool axis_colour = NamesAttribute(info, "colour") || NamesAttribute(info, "color") ||
                                 NamesAttribute(info, "colore") || NamesAttribute(info, "couleur");
        if ((size_like(word) && axis_size) || (colour_like(word) && axis_colour) ||
            NamesAttribute(info, word)) {
          add({Asked::kVariants, axis});
          matched = true;
        }
      }
      if (matched) continue;
    }
    for (const AttributeInfo& info : catalog.attributes()) {
      if (NamesAttribute(info, word)) {
        add({info.variant_axis ? Asked::kVariants : Asked::kAttribute, info.id});
        matched = true;
      }
    }
    if (matched) continue;
    if (In(kRatingWords, word)) add({Asked::kRating, 0});
    if (In(kPriceWords, word) && !per_print) add({Asked::kPrice, 0});
  }
  return asked;
}

bool AsksForLeast(const std::vector<std::string>& words) {
  static constexpr std::string_view kLeast[] = {
      "cheapest", "cheaper", "least",     "lowest",    "smallest", "lightest", "less",    "fewer",
      "meno",     "moins",   "economico", "economica", "leggero",  "leggera",  "piccolo", "piccola",
      "petit",    "petite",  "leger",     "legere",    "bas",      "basso"};
  for (const std::string& w : words) {
    if (In(kLeast, PlainWord(w))) return true;
  }
  return false;
}

std::optional<std::string> CritiqueFor(const CatalogWords& words, std::string_view arg, bool more) {
  const Catalog& catalog = words.catalog();
  std::string name(arg);
  if (name == "smaller") name = "smaller_screen";
  for (const NamedPreference& pref : BuiltinPreferences()) {
    if (pref.name != name) continue;
    for (const std::string& attribute : pref.attributes) {
      if (catalog.FindAttribute(attribute).has_value()) return name;
    }
    return std::nullopt;  // the catalog has nothing this preference reads
  }
  if (name == "price") return more ? "more:price" : "cheaper";
  std::vector<Asked> asked = AskedAbout(words, {name});
  for (const Asked& a : asked) {
    if (a.kind != Asked::kAttribute) continue;
    const AttributeInfo& info = catalog.attributes()[a.attribute];
    if (info.type != AttributeType::kNumber) continue;
    return absl::StrCat(more ? "more:" : "less:", info.name);
  }
  return std::nullopt;
}

std::optional<std::string> ExclusionFor(const Catalog& catalog, std::string_view words,
                                        const std::vector<std::string>& shown) {
  std::vector<std::string> said = PlainWords(words);
  if (said.empty()) return std::nullopt;
  // A brand.
  for (const std::string& brand : catalog.brands()) {
    std::string plain = PlainWord(brand);
    for (const std::string& w : said) {
      if (!plain.empty() && SameWord(w, plain)) return absl::StrCat("brand!=", brand);
    }
  }
  // A value of a list or enum attribute, by itself or a label.
  for (const AttributeInfo& info : catalog.attributes()) {
    if (info.type != AttributeType::kList && info.type != AttributeType::kEnum) continue;
    for (const std::string& value : catalog.dictionary(info.id)) {
      bool named = false;
      for (const std::string& w : said) named = named || SameWord(w, PlainWord(value));
      auto labels = info.value_labels.find(absl::AsciiStrToLower(value));
      if (!named && labels != info.value_labels.end()) {
        for (const auto& [language, label] : labels->second) {
          for (const std::string& l : PlainWords(label)) {
            for (const std::string& w : said) named = named || SameWord(w, l);
          }
        }
      }
      if (named) return absl::StrCat(info.name, "!=", value);
    }
  }
  // A product shown, by a word of its name.
  for (const std::string& id : shown) {
    std::optional<ProductIndex> i = catalog.FindById(id);
    if (!i.has_value()) continue;
    for (const std::string& n : PlainWords(catalog.product_name(*i))) {
      for (const std::string& w : said) {
        if (w.size() >= 4 && SameWord(w, n)) return absl::StrCat("id!=", id);
      }
    }
  }
  // A category.
  for (const CategoryNode& node : catalog.categories()) {
    if (node.name.empty()) continue;
    for (const std::string& n : PlainWords(node.name)) {
      for (const std::string& w : said) {
        if (w.size() >= 4 && SameWord(w, n)) return absl::StrCat("category!=", node.name);
      }
    }
  }
  return std::nullopt;
}

}  // namespace chatcart::engine
