// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/glossary.h"

#include "absl/strings/str_split.h"
#include "engine/product_words.h"

namespace chatcart::engine {
namespace {

// Each row: one meaning, its words in en, it, fr (and common other forms),
// separated by spaces.
// Words are matched with SameWord, so a stem-like start covers the forms
// ("pieghevol" covers "pieghevole", "pieghevoli").
constexpr std::string_view kGroups[] = {
    "leather pelle cuir vitello nappa",
    "suede camoscio scamosciato daim",
    "sole soles suola suole semelle",
    "rubber gomma caoutchouc",
    "waterproof impermeabile impermeabili impermeable imperm",
    "rain pioggia pluie",
    "snow neve neige doposci",
    "heel heels tacco tacchi talon talons",
    "wedge zeppa compensee compense",
    "lining fodera foderato doublure double",
    "laces lacci lacets",
    "fold folds foldable folding pieghevole piegano piega ripiega plie pliable pliant",
    "light lightweight leggera leggero leggere leger legere",
    "lightup lights luci luminose luminosi lumineuse lumineuses lumineux allume illumine",
    "soft morbido morbida doux douce",
    "warm caldo calda chaud chaude",
    "breathable traspirante respirant",
    "cotton cotone coton",
    "wool lana laine",
    "organic biologico biologique bio",
    "wood wooden legno bois",
    "metal metallo metallique",
    "plastic plastica plastique",
    "glass vetro verre",
    "steel acciaio acier inox stainless",
    "ceramic ceramica ceramique porcelain porcellana porcelaine",
    "washable wash lavabile lavare lavable laver lavage",
    "battery batteries batteria batterie pile piles",
    "stickers sticker adesivi autocollants etiquettes",
    "ink inchiostro encre",
    "paper carta papier",
    "noise rumore bruit",
    "players giocatori joueurs",
    "pieces pezzi pieces",
    "microphone mic microfono micro",
    "beans grani chicchi grains",
    "ground macinato moulu",
    "grinder macinino macinacaffe moulin",
    "settings impostazioni regolazioni reglages crans",
    "decaf decaffeinato decafeine deca",
    "caffeine caffeina teina cafeine theine",
    "milk latte lait",
    "origin origine provenienza provenance",
    "roast tostatura torrefaction torrefie",
    "brew steep infuse infusion infusione infuser infusare",
    "temperature temperatura temperature degrees gradi degres",
    "cups cup tazze tazza tasses tasse",
    "box boxes cofanetto cofanetti coffret coffrets",
    "shirt tshirt tshirts maglietta magliette tee teeshirt",
    "hoodie hoodies felpa felpe sweat sweatshirt",
    "puffer piumino piumini doudoune",
    "kettle bollitore bouilloire",
    "headphones cuffie casque casques",
    "charger caricatore caricabatterie chargeur",
    "socks calzini chaussettes",
    "cap cappellino casquette",
    "scooter monopattino trottinette",
    "fox volpe renard",
    "keyboard tastiera clavier",
    "infuser infusore infuseur",
    "filters filtri filtres",
    "spray bomboletta",
    "strong forte intenso corse intense",
    "sweet dolce sucre",
    "fruity fruttato fruite",
    "chocolate cioccolato chocolat cacao",
    "stitched stitching sewn cucito cucita cuciti cucite cousu cousue cousus cousues",
    "adjustable regolabile regolabili reglable reglables",
    "induction induzione",
    "toxic tossico tossica tossici tossiche toxique toxiques",
    "dishwasher lavastoviglie lave-vaisselle lavevaisselle",
    "microwave microonde micro-ondes",
};

}  // namespace

std::vector<std::string_view> SameMeaning(std::string_view word) {
  std::vector<std::string_view> out;
  if (word.size() < 3) return out;
  // The table split into its words once, and the rows that hold a word of
  // each first letter (SameWord needs a common start).
  struct Table {
    std::vector<std::vector<std::string_view>> groups;
    std::vector<uint16_t> by_letter[256];
  };
  static const Table* table = [] {
    auto* t = new Table;
    for (std::string_view row : kGroups) {
      const uint16_t index = static_cast<uint16_t>(t->groups.size());
      std::vector<std::string_view>& group = t->groups.emplace_back();
      for (absl::string_view w : absl::StrSplit(absl::string_view(row.data(), row.size()), ' ')) {
        if (w.empty()) continue;
        group.emplace_back(w.data(), w.size());
        std::vector<uint16_t>& rows = t->by_letter[static_cast<unsigned char>(w[0])];
        if (rows.empty() || rows.back() != index) rows.push_back(index);
      }
    }
    return t;
  }();
  for (uint16_t index : table->by_letter[static_cast<unsigned char>(word[0])]) {
    const std::vector<std::string_view>& group = table->groups[index];
    bool in = false;
    for (std::string_view w : group) {
      in = in || (w[0] == word[0] && (w == word || SameWord(word, w)));
    }
    if (!in) continue;
    for (std::string_view w : group) {
      if (w != word) out.push_back(w);
    }
  }
  return out;
}

}  // namespace chatcart::engine
