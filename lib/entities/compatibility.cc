// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/compatibility.h"

#include <algorithm>
#include <optional>

namespace chatcart::entities {
namespace {

using text::Language;

struct PlatformWord {
  const char* phrase;
  const char* value;
};

constexpr PlatformWord kPlatforms[] = {
    {"iphone", "iphone"},
    {"iphones", "iphone"},
    {"i-phone", "iphone"},
    {"i phone", "iphone"},
    {"ios", "iphone"},
    {"apple phone", "iphone"},
    {"ipad", "ipad"},
    {"ipads", "ipad"},
    {"ipados", "ipad"},
    {"android", "android"},
    {"android phone", "android"},
    {"google pixel", "android"},
    {"samsung galaxy", "android"},
    {"samsung phone", "android"},
    {"samsung phones", "android"},
    {"galaxy", "android"},
    {"windows phone", "windows_phone"},
    {"windows phones", "windows_phone"},
    {"windows mobile", "windows_phone"},
    {"lumia", "windows_phone"},
    {"windows", "windows"},
    {"windows pc", "windows"},
    {"mac", "mac"},
    {"macs", "mac"},
    {"macbook", "mac"},
    {"imac", "mac"},
    {"macos", "mac"},
    {"mac os", "mac"},
    {"os x", "mac"},
    {"osx", "mac"},
    {"linux", "linux"},
    {"ubuntu", "linux"},
    {"chromebook", "chromebook"},
    {"chrome os", "chromebook"},
    {"chromeos", "chromebook"},
    {"playstation", "playstation"},
    {"ps3", "playstation"},
    {"ps4", "playstation"},
    {"ps5", "playstation"},
    {"xbox", "xbox"},
    {"xbox one", "xbox"},
    {"nintendo switch", "nintendo_switch"},
};

// "64gb", "128gb", "5g": a capacity or a measure, not a model.
bool MeasureSuffix(std::string_view alnum) {
  const size_t letters = alnum.find_last_of("0123456789");
  if (letters == std::string_view::npos) return false;
  const std::string_view unit = alnum.substr(letters + 1);
  for (std::string_view m :
       {"gb", "tb", "mb", "mah", "mp", "w", "hz", "ghz", "mm", "cm", "in", "kg", "g", "k", "p"}) {
    if (unit == m) return true;
  }
  return false;
}

bool ModelPart(const Unit& u) {
  if (u.Has(kModelSuffix)) return true;
  // "S21", "A54", "13": short model codes with a digit.
  if (u.kind == text::TokenKind::kAlnum && u.text.size() <= 5 && !u.Has(kCompat)) {
    return !MeasureSuffix(u.text);
  }
  if (!u.PlainNumber() || u.number_words) return false;
  std::optional<int64_t> v = u.number.Integer();
  return v.has_value() && *v >= 0 && *v <= 99;  // "iPhone 15", "Windows 11"
}

// "Samsung TV", "Samsung monitor": a Samsung that runs no Android.
bool NotAPhone(const Unit* next) {
  if (next == nullptr) return false;
  for (std::string_view w : {"tv", "tvs", "televisione", "tele", "télé", "téléviseur", "monitor",
                             "moniteur", "watch", "fridge", "frigo", "soundbar"}) {
    if (next->text == w) return true;
  }
  return false;
}

// Italian and French say the console with a feminine article or possessive
// ("la Switch", "ma Switch"); "le switch", "lo switch" are network or light
// switches.
bool FeminineBefore(const Unit* prev) {
  if (prev == nullptr) return false;
  for (std::string_view w :
       {"la", "ma", "ta", "sa", "mia", "tua", "sua", "della", "alla", "sulla", "nella", "dalla",
        "una", "une", "nostra", "notre", "votre", "vostra"}) {
    if (prev->text == w) return true;
  }
  return false;
}

}  // namespace

void AddPlatform(std::string_view phrase, std::string_view value, LexiconBuilder* lx) {
  const int32_t id = lx->Value(value);
  lx->Add(phrase, [id](WordInfo& w) {
    w.roles |= kCompat;
    w.value = id;
  });
}

void AddCompatibilityWords(Language language, LexiconBuilder* lx) {
  for (const PlatformWord& p : kPlatforms) AddPlatform(p.phrase, p.value, lx);
  // A brand that also sells TVs and watches: Android only when the shopper
  // says what it is for ("a case for my Samsung").
  AddPlatform("samsung", "android", lx);
  lx->AddRoles({"samsung"}, kCompatNeedsCue);
  lx->AddRoles({"pro", "max", "plus", "mini", "ultra", "xr", "xs", "air", "pro max", "slim",
                "series x", "series s"},
               kModelSuffix);
  switch (language) {
    case Language::kEnglish:
      lx->AddRoles({"se"}, kModelSuffix);
      lx->AddRoles({"for", "works with", "work with", "working with", "compatible with", "with",
                    "supports", "support", "on", "my", "have", "has"},
                   kCompatCue);
      break;
    case Language::kItalian:
      AddPlatform("switch", "nintendo_switch", lx);  // only after "la", "mia"...
      lx->AddRoles({"per", "compatibile con", "compatibili con", "funziona con", "va con", "con",
                    "mio", "mia", "ho", "ha", "su"},
                   kCompatCue);
      break;
    case Language::kFrench:
      AddPlatform("switch", "nintendo_switch", lx);  // only after "la", "ma"...
      lx->AddRoles({"pour", "compatible avec", "compatibles avec", "fonctionne avec", "marche avec",
                    "avec", "mon", "ma", "sur", "ai", "a"},
                   kCompatCue);
      break;
  }
}

void FindCompatibility(const Scan& scan, std::vector<Candidate>* out) {
  const int n = static_cast<int>(scan.units.size());
  for (int i = 0; i < n; ++i) {
    const Unit& u = scan.units[static_cast<size_t>(i)];
    int32_t value = -1;
    if (u.Has(kCompat)) {
      value = u.info->value;
    } else if (u.has_number && u.prefix == Affix::kCompat && u.suffix == Affix::kNone) {
      value = u.affix_info->value;  // "iphone15"
    } else {
      continue;
    }
    uint32_t end = u.end;
    // The model: "iPhone 15 Pro Max", "Windows 11". Only after a bare name.
    if (u.prefix != Affix::kCompat) {
      for (int k = i + 1; k < std::min(n, i + 4) && ModelPart(scan.units[static_cast<size_t>(k)]);
           ++k) {
        // Only words said together: "iPhone 15 Pro", not "Android phone, 64GB".
        const std::string_view gap =
            scan.text.substr(end, scan.units[static_cast<size_t>(k)].begin - end);
        if (gap.find_first_not_of(" ") != std::string_view::npos) break;
        end = scan.units[static_cast<size_t>(k)].end;
      }
    } else {
      for (int k = i + 1;
           k < std::min(n, i + 3) && scan.units[static_cast<size_t>(k)].Has(kModelSuffix); ++k) {
        end = scan.units[static_cast<size_t>(k)].end;
      }
    }
    bool cue = false;
    for (int k = std::max(0, i - 3); k < i && !cue; ++k) {
      cue = scan.units[static_cast<size_t>(k)].Has(kCompatCue);
    }
    if (u.Has(kCompatNeedsCue) && (!cue || NotAPhone(scan.at(i + 1)))) continue;
    if (u.text == "switch" && !u.phrase && !FeminineBefore(scan.at(i - 1))) continue;
    Candidate& c = out->emplace_back();
    c.type = EntityType::kCompatibility;
    c.begin = u.begin;
    c.end = end;
    c.value = scan.lexicon->value(value);
    c.confidence = cue ? 0.95 : 0.85;
    c.priority = kPriorityCompat;
  }
}

}  // namespace chatcart::entities
