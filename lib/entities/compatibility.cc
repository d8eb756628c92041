// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/compatibility.h"

#include <algorithm>
#include <optional>
#include <string>

#include "entities/devices.h"

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

// Whether unit `u` continues a device's name: a model code ("S21", "A54",
// "6s"), a model word ("Pro", "Lite"; one letter only in capitals: "Moto
// G"), a number up to 99 ("iPhone 15", "Windows 11") or a year ("MacBook Air
// 2015").
bool ModelPart(const Scan& scan, const Unit& u) {
  if (u.Has(kModelSuffix)) {
    if (u.text.size() > 1) return true;
    const std::string_view original = scan.Original(u);
    return original.size() == 1 && original[0] >= 'A' && original[0] <= 'Z';
  }
  // "S21", "A54", "13": short model codes with a digit.
  if (u.kind == text::TokenKind::kAlnum && u.text.size() <= 5 && !u.Has(kCompat)) {
    return !MeasureSuffix(u.text);
  }
  if (!u.PlainNumber() || u.number_words) return false;
  std::optional<int64_t> v = u.number.Integer();
  return v.has_value() && ((*v >= 0 && *v <= 999) ||
                           (*v >= 2000 && *v <= 2039 && u.end - u.begin == 4));
}

bool Joiner(const Unit& u) {
  return !u.phrase && (u.text == "or" || u.text == "o" || u.text == "ou" || u.text == "and" ||
                       u.text == "e" || u.text == "et" || u.IsSymbol("/"));
}

bool Article(const Unit& u) {
  return !u.phrase && (u.text == "a" || u.text == "an" || u.text == "un" || u.text == "una" ||
                       u.text == "uno" || u.text == "une" || u.text == "the" || u.text == "il" ||
                       u.text == "lo" || u.text == "la" || u.text == "le" || u.text == "l");
}

// "Nokia Lumia and a Samsung", "un Samsung e un iPhone": a device joined by
// "and"/"or" to another one needs no other cue.
bool JoinedToDevice(const Scan& scan, int i) {
  int k = i - 1;
  if (scan.at(k) != nullptr && Article(*scan.at(k))) --k;
  if (scan.at(k) != nullptr && Joiner(*scan.at(k))) {
    const Unit* before = scan.at(k - 1);
    if (before != nullptr && (before->Has(kCompat) || ModelPart(scan, *before))) return true;
  }
  k = i + 1;
  if (scan.at(k) == nullptr || !Joiner(*scan.at(k))) return false;
  ++k;
  if (scan.at(k) != nullptr && Article(*scan.at(k))) ++k;
  return scan.Has(k, kCompat);
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
  AddDeviceWords(language, lx);
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
    std::string_view platform = scan.lexicon->value(value);
    uint32_t begin = u.begin;
    uint32_t end = u.end;
    bool model = false;
    // The model: "iPhone 15 Pro Max", "Windows 11", "Xiaomi Redmi Note 10",
    // "iphone 12 or 13". Only words said together.
    int last = i;
    for (int k = i + 1; k < std::min(n, i + 7); ++k) {
      const Unit& part = scan.units[static_cast<size_t>(k)];
      const std::string_view gap = scan.text.substr(end, part.begin - end);
      if (gap.find_first_not_of(" ") != std::string_view::npos) break;
      if (u.prefix == Affix::kCompat && !part.Has(kModelSuffix)) break;  // "iphone15 pro"
      if (part.Has(kCompat) && !part.phrase && scan.lexicon->value(part.info->value) == platform &&
          k == last + 1 && !model) {
        end = part.end;  // "Xiaomi Redmi", "Motorola Moto"
        last = k;
        continue;
      }
      if (ModelPart(scan, part) &&
          !scan.Has(k + 1, kCurrency | kMeasureUnit | kMinorUnit | kThousands | kQuantityNoun)) {
        end = part.end;
        last = k;
        model = true;
        continue;
      }
      // "iPhone 12 or 13".
      const Unit* second = scan.at(k + 1);
      if (model && Joiner(part) && !part.IsSymbol("/") && second != nullptr &&
          second->PlainNumber() && scan.units[static_cast<size_t>(last)].PlainNumber() &&
          ModelPart(scan, *second)) {
        end = second->end;
        last = k + 1;
        ++k;
        continue;
      }
      break;
    }
    // "HTC Windows 8 phone", "telefono Windows", "téléphone Windows 10": a
    // Windows phone.
    if (platform == "windows") {
      if (const Unit* after = scan.at(last + 1);
          after != nullptr && after->Has(kPhoneWord) && after->text != "portable" &&
          scan.text.substr(end, after->begin - end).find_first_not_of(" ") ==
              std::string_view::npos) {
        platform = "windows_phone";
        end = after->end;
      } else if (const Unit* before = scan.at(i - 1);
                 before != nullptr && before->Has(kPhoneWord) && before->text != "portable" &&
                 scan.text.substr(before->end, u.begin - before->end).find_first_not_of(" ") ==
                     std::string_view::npos) {
        platform = "windows_phone";
        begin = before->begin;
      }
    }
    // A maker right before: "Samsung Galaxy S21", "Dell XPS 13", "HTC Windows".
    bool maker = false;
    if (const Unit* m = scan.at(i - 1); m != nullptr && begin == u.begin && m->Has(kDeviceMaker) &&
                                       !(m->Has(kCompat) && m->info->value == value) &&
                                       scan.text.substr(m->end, u.begin - m->end) == " ") {
      begin = m->begin;
      maker = true;
    }
    bool cue = false;
    for (int k = std::max(0, i - 3); k < i && !cue; ++k) {
      cue = scan.units[static_cast<size_t>(k)].Has(kCompatCue);
    }
    // "il cellulare di mia madre è un Samsung": a phone word before says it.
    for (int k = std::max(0, i - 6); k < i && !cue; ++k) {
      cue = scan.units[static_cast<size_t>(k)].Has(kPhoneWord);
    }
    const bool joined = JoinedToDevice(scan, i);
    if (u.Has(kCompatNeedsCue) && ((!cue && !joined && !model) || NotAPhone(scan.at(i + 1)))) {
      continue;
    }
    if (u.Has(kDeviceNeedsModel) && !model && !maker && !cue) continue;
    if (u.text == "switch" && !u.phrase && !FeminineBefore(scan.at(i - 1))) continue;
    Candidate& c = out->emplace_back();
    c.type = EntityType::kCompatibility;
    c.begin = begin;
    c.end = end;
    c.value = std::string(platform);
    c.confidence = cue ? 0.95 : 0.85;
    c.priority = kPriorityCompat;
  }
}

}  // namespace chatcart::entities
