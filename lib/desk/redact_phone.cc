// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Reading numbers as digit groups, and deciding which are phone numbers.

#include "desk/redact_phone.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace chatcart::redact_internal {
namespace {

enum class Context { kNone, kPhone, kNotPhone };

// Words after which a number is a phone number (en, it, fr).
constexpr std::string_view kPhoneWords[] = {
    "phone",     "telephone", "tel",       "tél",       "téléphone", "cell",     "cellphone",
    "mobile",    "mob",       "call",      "ring",      "text",      "sms",      "whatsapp",
    "fax",       "contact",   "reach",     "dial",      "telefono",  "cellulare", "cel",
    "chiamami",  "chiamare",  "chiamatemi", "chiama",   "contattare", "contattarmi", "fisso",
    "portable",  "appeler",   "appelez",   "appelle",   "rappeler",  "rappelez", "joindre",
    "fixe",      "tél.",      "telefonare", "telefonami", "squillo", "numéro de téléphone",
};
// Words that make the number something else.
constexpr std::string_view kOtherWords[] = {
    "order",    "orders",     "ordine",   "commande",  "invoice", "fattura",  "facture",
    "tracking", "track",      "ref",      "reference", "riferimento", "référence", "code",
    "codice",   "iban",       "siret",    "siren",     "iva",     "tva",      "ssn",
    "license",  "licence",    "account",  "conto",     "compte",  "card",     "carta",
    "carte",    "zip",        "cap",      "postal",    "postale", "id",       "sku",
    "item",     "article",    "articolo", "ticket",    "receipt", "ricevuta", "reçu",
    "pin",      "otp",        "passport", "passaporto", "passeport", "serial", "matricola",
    "pratica",  "dossier",    "colis",    "pacco",     "parcel",  "booking",  "prenotazione",
    "réservation", "fiscale", "social",   "security",  "routing", "swift",    "bic",
};
// Words naming a number of some kind: the word before them decides.
constexpr std::string_view kNumberWords[] = {"number", "numero", "numéro", "num", "nr", "n°",
                                             "no", "nummer"};

template <size_t N>
bool In(std::string_view word, const std::string_view (&list)[N]) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

// The words before `pos`, nearest first, lower-cased (ASCII letters only),
// at most four within 48 bytes.
Context ContextBefore(std::string_view text, size_t pos) {
  size_t stop = pos > 48 ? pos - 48 : 0;
  size_t i = pos;
  int words = 0;
  bool after_number_word = false;
  while (i > stop && words < 4) {
    while (i > stop && !IsWordByte(static_cast<unsigned char>(text[i - 1]))) --i;
    size_t end = i;
    while (i > stop && IsWordByte(static_cast<unsigned char>(text[i - 1]))) --i;
    if (i == end) break;
    std::array<char, 24> buf;
    size_t n = end - i;
    if (n > buf.size()) {
      ++words;
      continue;
    }
    for (size_t k = 0; k < n; ++k) {
      char c = text[i + k];
      buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    std::string_view word(buf.data(), n);
    if (after_number_word) {
      return In(word, kOtherWords) ? Context::kNotPhone : Context::kPhone;
    }
    if (In(word, kOtherWords)) return Context::kNotPhone;
    if (In(word, kPhoneWords)) return Context::kPhone;
    if (In(word, kNumberWords)) after_number_word = true;
    ++words;
  }
  return after_number_word ? Context::kPhone : Context::kNone;
}

// Words of street addresses (en, it, fr): a number right before one is a
// house number.
constexpr std::string_view kStreetWords[] = {
    "st",    "street", "ave",   "avenue", "road",   "rd",      "lane",   "ln",    "blvd",
    "boulevard", "drive", "dr", "way",    "court",  "ct",      "suite",  "apt",   "via",
    "viale", "piazza", "corso", "vicolo", "rue",    "bd",      "chemin", "allée", "impasse",
};

// Whether one of the two words after `pos` is a street word.
bool StreetAfter(std::string_view text, size_t pos) {
  size_t i = pos;
  for (int words = 0; words < 2; ++words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    size_t start = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start || i - start > 12) return false;
    std::array<char, 12> buf;
    for (size_t k = start; k < i; ++k) {
      char c = text[k];
      buf[k - start] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (In(std::string_view(buf.data(), i - start), kStreetWords)) return true;
  }
  return false;
}

// An extension after the number: " x204", "ext. 12", "#3". Returns its end
// or `pos` when there is none.
size_t ExtensionEnd(std::string_view text, size_t pos) {
  size_t p = pos;
  if (p < text.size() && text[p] == ' ') ++p;
  auto starts = [&](std::string_view w) {
    if (text.size() - p < w.size()) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      char c = text[p + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != w[k]) return false;
    }
    return true;
  };
  if (starts("ext.")) {
    p += 4;
  } else if (starts("ext")) {
    p += 3;
  } else if (starts("x") || starts("#")) {
    p += 1;
  } else {
    return pos;
  }
  if (p < text.size() && text[p] == ' ') ++p;
  size_t d = p;
  while (d < text.size() && IsDigit(text[d]) && d - p < 6) ++d;
  if (d == p || (d < text.size() && IsAlnum(text[d]))) return pos;
  return d;
}

bool IsDateShape(const NumberRun& run) {
  if (run.groups.size() < 3) return false;
  unsigned s = run.separators & ~kSepSpace;
  if (s != kSepSlash && s != kSepDot && s != kSepDash) return false;
  int a = run.groups[0].digits;
  int b = run.groups[1].digits;
  int c = run.groups[2].digits;
  bool dmy = a <= 2 && b <= 2 && (c == 2 || c == 4);
  bool ymd = a == 4 && b <= 2 && c <= 2;
  // More groups after a date are its time ("2003-08-28 12:13:52").
  return (dmy || ymd) && (run.groups.size() == 3 || (run.separators & kSepSpace) != 0);
}

int GroupValue(std::string_view text, const DigitGroup& g) {
  int v = 0;
  for (size_t k = g.begin; k < g.end; ++k) v = v * 10 + (text[k] - '0');
  return v;
}

bool IsIpShape(std::string_view text, const NumberRun& run) {
  if (run.groups.size() != 4 || run.separators != kSepDot) return false;
  for (const DigitGroup& g : run.groups) {
    if (g.digits > 3 || GroupValue(text, g) > 255) return false;
  }
  return true;
}

// 1 234 567 or 1.234.567: a quantity or an amount.
// With spaces, only up to 7 digits: "374 780 163" is more likely a phone.
bool IsThousandsShape(const NumberRun& run) {
  if (run.groups.size() < 2 || (run.separators & ~(kSepSpace | kSepDot)) != 0) return false;
  if (run.separators == kSepSpace && run.digits > 7) return false;
  if (run.groups[0].digits > 3) return false;
  for (size_t k = 1; k < run.groups.size(); ++k) {
    if (run.groups[k].digits != 3) return false;
  }
  return true;
}

constexpr std::string_view kCardWords[] = {
    "card",  "cc",    "credit", "debit", "visa",  "mastercard", "maestro", "amex",
    "carta", "carte", "cb",     "bancomat", "postepay", "cartasi", "credito", "crédit",
};
constexpr std::string_view kNotCardWords[] = {
    "siret", "siren", "iva",  "tva",     "ean",      "order",   "ordine", "commande",
    "invoice", "fattura", "facture", "tracking", "suivi", "iban", "sku", "isbn", "imei",
};

}  // namespace

int CardContext(std::string_view text, size_t pos) {
  size_t stop = pos > 40 ? pos - 40 : 0;
  size_t i = pos;
  for (int words = 0; words < 4 && i > stop; ++words) {
    while (i > stop && !IsWordByte(static_cast<unsigned char>(text[i - 1]))) --i;
    size_t end = i;
    while (i > stop && IsWordByte(static_cast<unsigned char>(text[i - 1]))) --i;
    if (i == end || end - i > 16) continue;
    std::array<char, 16> buf;
    for (size_t k = i; k < end; ++k) {
      char c = text[k];
      buf[k - i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    std::string_view word(buf.data(), end - i);
    if (In(word, kNotCardWords)) return -1;
    if (In(word, kCardWords)) return 1;
  }
  return 0;
}

bool StartsToken(std::string_view text, size_t i) {
  if (i == 0) return true;
  unsigned char p = static_cast<unsigned char>(text[i - 1]);
  if (IsWordByte(p)) return false;
  if ((p == '-' || p == '.' || p == '/' || p == ',') && i >= 2 &&
      IsWordByte(static_cast<unsigned char>(text[i - 2]))) {
    return false;
  }
  return true;
}

bool ReadNumberRun(std::string_view text, size_t i, NumberRun* run) {
  run->groups.clear();
  run->plus = false;
  run->digits = 0;
  run->separators = 0;
  run->begin = run->end = i;
  const size_t n = text.size();
  size_t pos = i;
  if (text[pos] == '+') {
    if (pos + 1 >= n || !(IsDigit(text[pos + 1]) || text[pos + 1] == '(')) return false;
    run->plus = true;
    ++pos;
  }
  run->begin = i;
  // "(+39) 045 ...": an international prefix in parentheses.
  if (text[pos] == '(' && pos + 2 < n && text[pos + 1] == '+' && IsDigit(text[pos + 2])) {
    size_t q = pos + 2;
    while (q < n && IsDigit(text[q])) ++q;
    if (q < n && text[q] == ')' && q - pos - 2 <= 4) {
      run->plus = true;
      DigitGroup g{pos + 2, q, static_cast<int>(q - pos - 2), true};
      run->groups.push_back(g);
      run->digits += g.digits;
      pos = q + 1;
      run->end = pos;
      if (pos + 1 < n && text[pos] == ' ' && IsDigit(text[pos + 1])) {
        ++pos;
      } else if (!(pos < n && IsDigit(text[pos]))) {
        return false;
      }
    }
  }
  while (pos < n) {
    DigitGroup g;
    if (text[pos] == '(') {
      size_t q = pos + 1;
      while (q < n && IsDigit(text[q])) ++q;
      if (q == pos + 1 || q >= n || text[q] != ')' || q - pos - 1 > 5) break;
      g = {pos + 1, q, static_cast<int>(q - pos - 1), true};
      pos = q + 1;
    } else if (IsDigit(text[pos])) {
      size_t q = pos;
      while (q < n && IsDigit(text[q])) ++q;
      g = {pos, q, static_cast<int>(q - pos), false};
      pos = q;
    } else {
      break;
    }
    run->groups.push_back(g);
    run->digits += g.digits;
    run->end = pos;
    if (run->digits > 22 || pos >= n) break;
    // The separator before the next group.
    size_t len = 0;
    unsigned bit = 0;
    if (text.substr(pos, 3) == " - ") {
      len = 3;
      bit = kSepDash;
    } else if (text[pos] == ' ') {
      len = 1;
      bit = kSepSpace;
    } else if (text[pos] == '-') {
      len = 1;
      bit = kSepDash;
    } else if (text[pos] == '.') {
      len = 1;
      bit = kSepDot;
    } else if (text[pos] == '/') {
      len = 1;
      bit = kSepSlash;
    } else if (g.paren && IsDigit(text[pos])) {
      len = 0;
    } else {
      break;
    }
    size_t next = pos + len;
    if (next >= n || !(IsDigit(text[next]) || text[next] == '(')) break;
    run->separators |= bit;
    pos = next;
  }
  if (run->groups.empty()) return false;
  // A number glued to letters after it ("12345abc") is a code.
  if (run->end < n && IsWordByte(static_cast<unsigned char>(text[run->end])) &&
      !IsDigit(text[run->end])) {
    char c = text[run->end];
    bool extension = c == 'x' || c == 'X';
    if (!extension) run->groups.clear();
  }
  return !run->groups.empty();
}

bool IsPhone(std::string_view text, const NumberRun& run, std::string_view language,
             size_t* end) {
  const int d = run.digits;
  if (d < 7 || d > 15) return false;
  const auto& g = run.groups;
  const size_t groups = g.size();
  const char first = text[g[0].begin];
  size_t ext_end = ExtensionEnd(text, run.end);
  *end = ext_end;
  bool paren = false;
  for (const DigitGroup& group : g) paren |= group.paren;
  bool intl00 = !run.plus && first == '0' && g[0].digits >= 2 && text[g[0].begin + 1] == '0' &&
                groups >= 2 && d >= 10;
  if (run.plus) return d >= 8;
  if (paren || intl00) return true;

  // "12:13" right after: a time, not a phone.
  if (run.end + 1 < text.size() && text[run.end] == ':' && IsDigit(text[run.end + 1])) return false;
  if (StreetAfter(text, run.end)) return false;
  Context context = ContextBefore(text, run.begin);
  if (context == Context::kNotPhone) return false;
  const bool said = context == Context::kPhone;
  if (IsDateShape(run) || IsIpShape(text, run)) return false;
  if (groups == 3 && run.separators == kSepDash && g[0].digits == 3 && g[1].digits == 2 &&
      g[2].digits == 4 && !said) {
    return false;  // a US social security number's shape
  }
  if (IsThousandsShape(run)) return said;
  if (ext_end != run.end) return true;
  if (groups >= 3) return true;
  if (said) return true;
  const bool italian = language.empty() || language == "it";
  if (groups == 2) {
    if (first == '0' && d >= 9) return true;
    if (first == '3' && (d == 9 || d == 10) && italian) return true;
    if (d == 7 && g[0].digits == 3 && g[1].digits == 4 && run.separators != kSepSpace) {
      return true;  // 555-0199; "370 3911" is more often a house number
    }
    return false;
  }
  // One bare run of digits.
  if (first == '0' && text[g[0].begin + 1] != '0' && d >= 9 && d <= 11) return true;
  if (first == '3' && d == 10 && italian) return true;
  return false;
}

}  // namespace chatcart::redact_internal
