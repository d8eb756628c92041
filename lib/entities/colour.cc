// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/colour.h"

#include <string>

namespace chatcart::entities {
namespace {

using text::Language;

struct ColourWord {
  const char* phrase;
  const char* value;
};

constexpr ColourWord kEnglish[] = {
    {"black", "black"},
    {"white", "white"},
    {"red", "red"},
    {"green", "green"},
    {"blue", "blue"},
    {"yellow", "yellow"},
    {"orange", "orange"},
    {"purple", "purple"},
    {"violet", "purple"},
    {"pink", "pink"},
    {"brown", "brown"},
    {"grey", "grey"},
    {"gray", "grey"},
    {"silver", "silver"},
    {"gold", "gold"},
    {"golden", "gold"},
    {"beige", "beige"},
    {"navy", "navy"},
    {"navy blue", "navy"},
    {"teal", "teal"},
    {"turquoise", "turquoise"},
    {"maroon", "burgundy"},
    {"burgundy", "burgundy"},
    {"cream", "cream"},
    {"ivory", "ivory"},
    {"khaki", "khaki"},
    {"olive", "olive"},
    {"lilac", "lilac"},
    {"lavender", "lilac"},
    {"magenta", "magenta"},
    {"fuchsia", "magenta"},
    {"cyan", "cyan"},
    {"coral", "coral"},
    {"charcoal", "charcoal"},
    {"tan", "tan"},
    {"rose gold", "rose gold"},
    {"sky blue", "light blue"},
    {"off white", "off white"},
    {"off-white", "off white"},
    {"multicolour", "multicolour"},
    {"multicolor", "multicolour"},
    {"multi-colour", "multicolour"},
    {"multi-color", "multicolour"},
    {"transparent", "transparent"},
    {"space grey", "space grey"},
    {"space gray", "space grey"},
};

constexpr ColourWord kItalian[] = {
    {"nero", "black"},
    {"nera", "black"},
    {"neri", "black"},
    {"nere", "black"},
    {"bianco", "white"},
    {"bianca", "white"},
    {"bianchi", "white"},
    {"bianche", "white"},
    {"rosso", "red"},
    {"rossa", "red"},
    {"rossi", "red"},
    {"rosse", "red"},
    {"verde", "green"},
    {"verdi", "green"},
    {"blu", "blue"},
    {"azzurro", "light blue"},
    {"azzurra", "light blue"},
    {"azzurri", "light blue"},
    {"azzurre", "light blue"},
    {"celeste", "light blue"},
    {"celesti", "light blue"},
    {"giallo", "yellow"},
    {"gialla", "yellow"},
    {"gialli", "yellow"},
    {"gialle", "yellow"},
    {"arancione", "orange"},
    {"arancioni", "orange"},
    {"arancio", "orange"},
    {"viola", "purple"},
    {"rosa", "pink"},
    {"marrone", "brown"},
    {"marroni", "brown"},
    {"grigio", "grey"},
    {"grigia", "grey"},
    {"grigi", "grey"},
    {"grigie", "grey"},
    {"argento", "silver"},
    {"argentato", "silver"},
    {"argentata", "silver"},
    {"oro", "gold"},
    {"dorato", "gold"},
    {"dorata", "gold"},
    {"beige", "beige"},
    {"blu notte", "navy"},
    {"blu navy", "navy"},
    {"bordeaux", "burgundy"},
    {"bordò", "burgundy"},
    {"turchese", "turquoise"},
    {"crema", "cream"},
    {"avorio", "ivory"},
    {"lilla", "lilac"},
    {"fucsia", "magenta"},
    {"oro rosa", "rose gold"},
    {"trasparente", "transparent"},
    {"trasparenti", "transparent"},
    {"multicolore", "multicolour"},
    {"kaki", "khaki"},
    {"cachi", "khaki"},
};

constexpr ColourWord kFrench[] = {
    {"noir", "black"},
    {"noire", "black"},
    {"noirs", "black"},
    {"noires", "black"},
    {"blanc", "white"},
    {"blanche", "white"},
    {"blancs", "white"},
    {"blanches", "white"},
    {"rouge", "red"},
    {"rouges", "red"},
    {"vert", "green"},
    {"verte", "green"},
    {"verts", "green"},
    {"vertes", "green"},
    {"bleu", "blue"},
    {"bleue", "blue"},
    {"bleus", "blue"},
    {"bleues", "blue"},
    {"jaune", "yellow"},
    {"jaunes", "yellow"},
    {"orange", "orange"},
    {"violet", "purple"},
    {"violette", "purple"},
    {"violets", "purple"},
    {"violettes", "purple"},
    {"rose", "pink"},
    {"roses", "pink"},
    {"marron", "brown"},
    {"gris", "grey"},
    {"grise", "grey"},
    {"grises", "grey"},
    {"argent", "silver"},
    {"argenté", "silver"},
    {"argentée", "silver"},
    {"doré", "gold"},
    {"dorée", "gold"},
    {"dorés", "gold"},
    {"beige", "beige"},
    {"bleu marine", "navy"},
    {"marine", "navy"},
    {"turquoise", "turquoise"},
    {"bordeaux", "burgundy"},
    {"crème", "cream"},
    {"ivoire", "ivory"},
    {"lilas", "lilac"},
    {"kaki", "khaki"},
    {"or rose", "rose gold"},
    {"transparent", "transparent"},
    {"transparente", "transparent"},
    {"transparents", "transparent"},
    {"transparentes", "transparent"},
    {"multicolore", "multicolour"},
    {"bleu ciel", "light blue"},
    {"bleu clair", "light blue"},
    {"bleu foncé", "dark blue"},
};

void AddModifier(LexiconBuilder* lx, std::initializer_list<std::string_view> words, uint64_t role,
                 std::string_view shade) {
  const int32_t id = lx->Value(shade);
  for (std::string_view w : words) {
    lx->Add(w, [id, role](WordInfo& info) {
      info.roles |= role;
      info.value = id;
    });
  }
}

// "light blue" + a modifier stays "light blue"; "blue" + "light" is "light blue".
std::string Shade(std::string_view shade, std::string_view base) {
  if (base.find(' ') != std::string_view::npos) return std::string(base);
  std::string out(shade);
  out += ' ';
  out += base;
  return out;
}

}  // namespace

void AddColour(std::string_view phrase, std::string_view value, LexiconBuilder* lx) {
  const int32_t id = lx->Value(value);
  lx->Add(phrase, [id](WordInfo& w) {
    w.roles |= kColour;
    w.value = id;
  });
}

void AddColourWords(Language language, LexiconBuilder* lx) {
  switch (language) {
    case Language::kEnglish:
      for (const ColourWord& c : kEnglish) AddColour(c.phrase, c.value, lx);
      AddModifier(lx, {"light", "pale"}, kColourModPrefix, "light");
      AddModifier(lx, {"dark", "deep"}, kColourModPrefix, "dark");
      break;
    case Language::kItalian:
      for (const ColourWord& c : kItalian) AddColour(c.phrase, c.value, lx);
      AddModifier(lx, {"chiaro", "chiara", "chiari", "chiare"}, kColourModSuffix, "light");
      AddModifier(lx, {"scuro", "scura", "scuri", "scure"}, kColourModSuffix, "dark");
      break;
    case Language::kFrench:
      for (const ColourWord& c : kFrench) AddColour(c.phrase, c.value, lx);
      AddModifier(lx, {"clair", "claire", "clairs", "claires"}, kColourModSuffix, "light");
      AddModifier(lx, {"foncé", "foncée", "foncés", "foncées"}, kColourModSuffix, "dark");
      break;
  }
}

void FindColours(const Scan& scan, std::vector<Candidate>* out) {
  const int n = static_cast<int>(scan.units.size());
  for (int i = 0; i < n; ++i) {
    const Unit& u = scan.units[static_cast<size_t>(i)];
    if (!u.Has(kColour)) continue;
    std::string value = scan.lexicon->value(u.info->value);
    uint32_t begin = u.begin, end = u.end;
    const Unit* prev = scan.at(i - 1);
    const Unit* next = scan.at(i + 1);
    if (prev != nullptr && prev->Has(kColourModPrefix)) {
      value = Shade(scan.lexicon->value(prev->info->value), value);
      begin = prev->begin;
    } else if (next != nullptr && next->Has(kColourModSuffix)) {
      value = Shade(scan.lexicon->value(next->info->value), value);
      end = next->end;
    }
    Candidate& c = out->emplace_back();
    c.type = EntityType::kColour;
    c.begin = begin;
    c.end = end;
    c.value = std::move(value);
    c.confidence = 0.9;
    c.priority = kPriorityColour;
  }
}

}  // namespace chatcart::entities
