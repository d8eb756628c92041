// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/not_amounts.h"

#include <optional>
#include <string_view>

namespace chatcart::entities {
namespace {

using text::Language;

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A number in digits only ("0199", not "1.5k" or "twenty").
bool DigitGroup(const Unit* u) {
  return u != nullptr && u->has_number && !u->number_words && !u->phrase &&
         u->kind == text::TokenKind::kNumber && IsDigits(u->text);
}

std::string_view Gap(const Scan& scan, const Unit& a, const Unit& b) {
  return a.end <= b.begin ? scan.text.substr(a.end, b.begin - a.end) : std::string_view();
}

// A day of the month (digits, maybe "3rd"/"1er"), or nullopt.
bool Day(const Unit* u) {
  if (u == nullptr || !u->has_number || u->number_words || u->prefix != Affix::kNone) return false;
  if (u->suffix != Affix::kNone && u->suffix != Affix::kOrdinal) return false;
  std::optional<int64_t> v = u->number.Integer();
  return v.has_value() && *v >= 1 && *v <= 31;
}

bool Year(const Unit* u) {
  if (!DigitGroup(u)) return false;
  std::optional<int64_t> v = u->number.Integer();
  return v.has_value() && *v >= 1900 && *v <= 2100;
}

// Whether the digit group at unit i says an hour: "5 pm", "5 o'clock",
// "alle 18", "dalle 9", "entro le 18", "ore 18", "18 heures".
bool Hour(const Scan& scan, int i) {
  const Unit* prev = scan.at(i - 1);
  const Unit* prev2 = scan.at(i - 2);
  const Unit* next = scan.at(i + 1);
  bool hour = false;
  switch (scan.language) {
    case Language::kEnglish:
      hour = next != nullptr && (next->text == "pm" || next->text == "am" ||
                                 next->text == "o'clock" || next->text == "o");
      break;
    case Language::kItalian:
      hour = prev != nullptr &&
             (prev->text == "alle" || prev->text == "dalle" || prev->text == "ore" ||
              (prev->text == "le" && prev2 != nullptr &&
               (prev2->text == "entro" || prev2->text == "verso" || prev2->text == "dopo")));
      break;
    case Language::kFrench:
      hour =
          next != nullptr && (next->text == "h" || next->text == "heures" || next->text == "heure");
      break;
  }
  if (!hour) return false;
  std::optional<int64_t> v = scan.at(i)->number.Integer();
  return v.has_value() && *v <= 24;
}

bool Month(const Scan& scan, const Unit* u) {
  if (u == nullptr || !u->Has(kMonth)) return false;
  // "may" is a month only written "May" ("may I have 2": no date).
  if (scan.language == Language::kEnglish && u->text == "may") return scan.text[u->begin] == 'M';
  return true;
}

void Clear(Unit* u) {
  if (u != nullptr) u->has_number = false;
}

// Digit groups joined by one space or a glued dash, from unit i; returns the
// units consumed.
int PhoneRun(Scan* scan, int i) {
  std::vector<Unit>& units = scan->units;
  const int n = static_cast<int>(units.size());
  if (!DigitGroup(&units[i])) return 1;
  int groups = 1;
  int digits = static_cast<int>(units[i].text.size());
  bool zero = units[i].text.size() >= 2 && units[i].text[0] == '0';
  int j = i + 1;
  while (j < n) {
    int next = j;
    if (units[j].IsDash() && Gap(*scan, units[j - 1], units[j]).empty() && j + 1 < n &&
        Gap(*scan, units[j], units[j + 1]).empty()) {
      next = j + 1;
    } else if (Gap(*scan, units[j - 1], units[j]) != " ") {
      break;
    }
    if (!DigitGroup(&units[next])) break;
    ++groups;
    digits += static_cast<int>(units[next].text.size());
    zero = zero || (units[next].text.size() >= 2 && units[next].text[0] == '0');
    j = next + 1;
  }
  if (groups >= 2 && (zero || digits >= 9 || (groups >= 3 && digits >= 7))) {
    for (int k = i; k < j; ++k) Clear(&units[k]);
  }
  return j - i;
}

// "1/2", "3/4", "2/3": a proper fraction with a small denominator, not
// followed by another '/' group (a date) nor after a date word ("on 1/2").
// Its value (six decimals at most) goes to unit i; the denominator's unit
// is emptied.
bool Fraction(Scan* scan, int i) {
  std::vector<Unit>& units = scan->units;
  Unit* u = &units[static_cast<size_t>(i)];
  Unit* den = scan->at(i + 1) != nullptr ? &units[static_cast<size_t>(i + 1)] : nullptr;
  if (den == nullptr || den->begin != u->end + 1 || scan->text[u->end] != '/' || !DigitGroup(den)) {
    return false;
  }
  if (den->end < scan->text.size() && scan->text[den->end] == '/') return false;
  std::optional<int64_t> a = u->number.Integer();
  std::optional<int64_t> b = den->number.Integer();
  if (!a || !b || *a < 1 || *a >= *b || *b > 16 || u->text.size() > 2) return false;
  if (const Unit* prev = scan->at(i - 1);
      prev != nullptr && (prev->text == "on" || prev->text == "il" || prev->text == "le" ||
                          prev->text == "del" || prev->text == "du" || prev->text == "since" ||
                          prev->text == "dal" || prev->text == "depuis")) {
    return false;
  }
  // a/b to six decimals, rounded half up.
  const int64_t scaled = (*a * 10000000 / *b + 5) / 10;
  u->number = Decimal{scaled, 6}.Normalized();
  u->end = den->end;
  u->last_token = den->last_token;
  u->phrase = true;
  Clear(den);
  return true;
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (s == x) return true;
  }
  return false;
}

// Whether the word said before a number makes it a designation: a version,
// a standard or a series ("wifi 6", "usb 3", "gen 2", "rtx 4070").
bool DesignationWord(std::string_view w) {
  return OneOf(w, {"wifi", "fi", "bluetooth", "bt", "usb", "hdmi", "gen", "generation", "series",
                   "serie", "série", "version", "versione", "v", "mk", "ios", "pcie", "ddr",
                   "rtx", "gtx", "rx", "xps", "covid", "core", "ryzen", "ps", "windows", "android",
                   "macos", "type", "tipo", "modèle", "model", "modello", "mark", "lte", "iso",
                   "din", "ip", "ipx"});
}

// A year said as a date of a thing: "the 2024 model", "modello 2023", "from 2019".
bool YearWord(std::string_view w) {
  return OneOf(w, {"model", "modello", "modèle", "from", "since", "del", "dal", "du", "de",
                   "depuis", "year", "anno", "année", "edition", "edizione", "édition", "version",
                   "versione", "of", "in", "en", "nel"});
}

// Marks the numbers that name a thing rather than count: a number glued by a
// dash to letters ("CP-400", "covid-19"), after a word in capitals ("RTX
// 4070", "XPS 13") or a designation word ("wifi 6"), and years beside a
// year word ("the 2024 model", "an iMac from 2019", "2023 o 2024").
void MarkDesignations(Scan* scan) {
  std::vector<Unit>& units = scan->units;
  const int n = static_cast<int>(units.size());
  for (int i = 0; i < n; ++i) {
    Unit& u = units[static_cast<size_t>(i)];
    if (!u.has_number || u.number_words || u.prefix != Affix::kNone ||
        u.suffix != Affix::kNone) {
      continue;
    }
    const Unit* prev = scan->at(i - 1);
    const Unit* prev2 = scan->at(i - 2);
    const Unit* next = scan->at(i + 1);
    std::optional<int64_t> v = u.number.Integer();
    bool year = v.has_value() && *v >= 1980 && *v <= 2039 && DigitGroup(&u);
    if (year) {
      const bool beside = (prev != nullptr && YearWord(prev->text)) ||
                          (next != nullptr && YearWord(next->text) && next->text != "of" &&
                           next->text != "in" && next->text != "en" && next->text != "de") ||
                          (prev != nullptr && prev2 != nullptr &&
                           (prev->text == "or" || prev->text == "o" || prev->text == "ou") &&
                           prev2->designation);
      if (beside) {
        u.designation = true;
        continue;
      }
    }
    if (prev != nullptr && prev->IsDash() && prev->begin == (prev2 ? prev2->end : 0) &&
        prev->end == u.begin && prev2 != nullptr && prev2->kind == text::TokenKind::kWord &&
        prev2->info == nullptr) {
      u.designation = true;  // "CP-400", "covid-19"
      continue;
    }
    if (prev == nullptr || prev->kind != text::TokenKind::kWord || prev->phrase) continue;
    if (DesignationWord(prev->text) && !prev->Has(kCurrency | kSizeSystem)) {
      u.designation = true;
      continue;
    }
    // "RTX 4070", "XPS 13": a word typed in capitals that the lexicon does not know.
    const std::string_view original = scan->Original(*prev);
    if (prev->info == nullptr && original.size() >= 2 && original.size() <= 5) {
      bool capitals = true;
      for (char c : original) capitals = capitals && c >= 'A' && c <= 'Z';
      if (capitals) u.designation = true;
    }
  }
}

}  // namespace

void AddDateWords(Language language, LexiconBuilder* lexicon) {
  switch (language) {
    case Language::kEnglish:
      lexicon->AddRoles(
          {"january",   "february", "march",    "april",    "may",  "june", "july", "august",
           "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
           "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"},
          kMonth);
      break;
    case Language::kItalian:
      lexicon->AddRoles({"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                         "agosto", "settembre", "ottobre", "novembre", "dicembre"},
                        kMonth);
      break;
    case Language::kFrench:
      lexicon->AddRoles({"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"},
                        kMonth);
      break;
  }
}

void MaskNotAmounts(Scan* scan) {
  std::vector<Unit>& units = scan->units;
  const int n = static_cast<int>(units.size());
  bool numbers = false;  // each case needs one
  for (const Unit& u : units) numbers = numbers || u.has_number;
  if (!numbers) return;
  for (int i = 0; i < n; ++i) {
    Unit* u = &units[i];
    Unit* next = i + 1 < n ? &units[i + 1] : nullptr;
    if (u->has_number) {
      // Times, slashed dates and phone numbers start with a digit group.
      if (!DigitGroup(u)) continue;
      if (next != nullptr && (next->has_number || next->IsDash())) {
        const int run = PhoneRun(scan, i);
        if (!u->has_number) {
          i += run - 1;
          continue;
        }
      }
      // "1/2", "3/4": a fraction, not a date.
      if (Fraction(scan, i)) continue;
      // "6:30pm": minutes glued to am/pm.
      if (next != nullptr && next->begin == u->end + 1 && scan->text[u->end] == ':' &&
          next->kind == text::TokenKind::kAlnum && next->text.size() == 4 &&
          (next->text.substr(2) == "pm" || next->text.substr(2) == "am")) {
        Clear(u);
        Clear(next);
        continue;
      }
      // "5:30", "12/05/2024".
      if (next != nullptr && next->begin == u->end + 1 &&
          (scan->text[u->end] == ':' || scan->text[u->end] == '/') && DigitGroup(next)) {
        const char sep = scan->text[u->end];
        if (sep == '/' || next->text.size() == 2) {
          Clear(u);
          Clear(next);
          if (sep == '/' && i + 2 < n && units[i + 2].begin == next->end + 1 &&
              scan->text[next->end] == '/' && DigitGroup(&units[i + 2])) {
            Clear(&units[i + 2]);
          }
          continue;
        }
      }
      if (Hour(*scan, i)) Clear(u);
      continue;
    }
    // Dates around a month name: "3 maggio 2024", "the 3rd of May", "March 3rd".
    if (Month(*scan, u)) {
      Unit* before = i >= 1 ? &units[i - 1] : nullptr;
      if (before != nullptr && (before->text == "of" || before->text == "de") && i >= 2) {
        before = &units[i - 2];
      }
      Unit* after = next;
      if (after != nullptr && after->text == "the" && i + 2 < n) after = &units[i + 2];
      if (Day(before)) {
        Clear(before);
        if (Year(next)) Clear(next);
      } else if (Day(after)) {
        Clear(after);
      } else if (Year(next)) {
        Clear(next);
      }
      continue;
    }
  }
  // "24h/24", "24/7": a number glued by '/' to another one is part of an
  // expression (fractions and dates were read above).
  for (int i = 0; i < n; ++i) {
    Unit& u = units[static_cast<size_t>(i)];
    if (!u.has_number || u.phrase) continue;
    const Unit* prev = scan->at(i - 1);
    const Unit* next = scan->at(i + 1);
    if ((prev != nullptr && u.begin >= 1 && scan->text[u.begin - 1] == '/' &&
         prev->end == u.begin - 1) ||
        (next != nullptr && u.end < scan->text.size() && scan->text[u.end] == '/' &&
         next->begin == u.end + 1)) {
      u.designation = true;
    }
  }
  MarkDesignations(scan);
}

}  // namespace chatcart::entities
