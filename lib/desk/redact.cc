// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Personal data in chat text (include/chatcart/redact.h): one left-to-right
// pass over the bytes. E-mails are found around each '@' first; then every
// number that starts a token is read once as groups of digits with their
// separators and tried as a card (Luhn), else as a phone (its shape and the
// words before it); two letters and two digits at a word start are tried as
// an IBAN (mod-97). Nothing allocates but the result.

#include "chatcart/redact.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "desk/redact_phone.h"

namespace chatcart {
namespace {

using redact_internal::IsAlnum;
using redact_internal::IsAlpha;
using redact_internal::IsDigit;
using redact_internal::IsWordByte;
using redact_internal::NumberRun;
using redact_internal::StartsToken;

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// ---- Cards

bool Luhn(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  bool all_same = true;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (digits[i] != digits[0]) all_same = false;
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0 && !all_same;
}

// The card inside `run`: the groups [s, e] with 13 to 19 digits in all,
// separated by single spaces or dashes, passing Luhn; the earliest start,
// then the longest. False when there is none.
bool FindCard(std::string_view text, const NumberRun& run, size_t* begin, size_t* end) {
  if (run.plus) return false;
  // A card word before allows 12 digits (some Maestro cards); another kind
  // of number's word ("SIRET", "order") rules a card out.
  const int context = redact_internal::CardContext(text, run.begin);
  if (context < 0) return false;
  const size_t min_digits = context > 0 ? 12 : 13;
  const auto& g = run.groups;
  for (size_t s = 0; s < g.size(); ++s) {
    if (g[s].paren) continue;
    if (s > 0 && !StartsToken(text, g[s].begin) && text[g[s].begin - 1] != ' ') continue;
    std::array<char, 24> digits;
    size_t best = g.size();
    size_t n = 0;
    for (size_t e = s; e < g.size(); ++e) {
      if (g[e].paren) break;
      if (e > s) {
        std::string_view sep = text.substr(g[e - 1].end, g[e].begin - g[e - 1].end);
        if (sep != " " && sep != "-") break;
      }
      if (n + g[e].digits > 19) break;
      for (size_t k = g[e].begin; k < g[e].end; ++k) digits[n++] = text[k];
      if (n >= min_digits && Luhn(std::string_view(digits.data(), n))) best = e;
    }
    if (best != g.size()) {
      *begin = g[s].begin;
      *end = g[best].end;
      return true;
    }
  }
  return false;
}

// ---- IBANs

struct IbanLength {
  char code[3];
  int length;
};

// ISO 13616 lengths by country (SWIFT IBAN registry).
constexpr IbanLength kIbanLengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
    {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
    {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
    {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30},
    {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
    {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
    {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
    {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
    {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

int IbanLengthOf(char a, char b) {
  for (const IbanLength& l : kIbanLengths) {
    if (l.code[0] == a && l.code[1] == b) return l.length;
  }
  return 0;
}

// ISO 7064 mod 97-10 over the rearranged IBAN (the first four characters
// moved to the end, letters as 10..35).
bool Mod97(std::string_view iban) {
  int rest = 0;
  auto feed = [&](char c) {
    if (IsDigit(c)) {
      rest = (rest * 10 + (c - '0')) % 97;
    } else {
      int v = Upper(c) - 'A' + 10;
      rest = (rest * 100 + v) % 97;
    }
  };
  for (size_t i = 4; i < iban.size(); ++i) feed(iban[i]);
  for (size_t i = 0; i < 4; ++i) feed(iban[i]);
  return rest == 1;
}

// The IBAN starting at `i` (two letters, two digits): its end, or 0.
size_t FindIban(std::string_view text, size_t i, std::string* last4) {
  std::array<char, 34> chars;
  std::array<size_t, 34> ends;  // byte end of each character
  size_t n = 0;
  size_t pos = i;
  while (pos < text.size() && n < chars.size()) {
    char c = text[pos];
    if (IsAlnum(c)) {
      chars[n] = Upper(c);
      ends[n] = pos + 1;
      ++n;
      ++pos;
    } else if (c == ' ' && n >= 4 && pos + 1 < text.size() &&
               (IsAlnum(text[pos + 1]) ||
                (text[pos + 1] == ' ' && pos + 2 < text.size() && IsAlnum(text[pos + 2])))) {
      pos += text[pos + 1] == ' ' ? 2 : 1;  // one or two spaces between groups
    } else {
      break;
    }
  }
  if (n < 15) return 0;
  for (size_t k = 2; k < 4; ++k) {
    if (!IsDigit(chars[k])) return 0;
  }
  auto ends_token = [&](size_t len) {
    size_t e = ends[len - 1];
    return e == text.size() || !IsWordByte(static_cast<unsigned char>(text[e]));
  };
  auto accept = [&](size_t len) {
    last4->assign(chars.data() + len - 4, 4);
    return ends[len - 1];
  };
  int known = IbanLengthOf(chars[0], chars[1]);
  if (known > 0) {
    size_t len = static_cast<size_t>(known);
    if (n >= len && ends_token(len) && Mod97(std::string_view(chars.data(), len))) {
      return accept(len);
    }
    return 0;
  }
  for (size_t len = n; len >= 15; --len) {
    if (ends_token(len) && Mod97(std::string_view(chars.data(), len))) return accept(len);
  }
  return 0;
}

// ---- E-mails

constexpr std::string_view kGenericTlds[] = {
    "com",    "net",     "org",    "edu",   "gov",     "mil",     "int",      "info",   "biz",
    "name",   "pro",     "aero",   "coop",  "museum",  "mobi",    "asia",     "tel",    "travel",
    "jobs",   "cat",     "app",    "dev",   "shop",    "store",   "online",   "site",   "tech",
    "xyz",    "club",    "blog",   "email", "cloud",   "live",    "life",     "world",  "today",
    "news",   "agency",  "company", "solutions", "services", "digital", "media", "network",
    "group",  "global",  "studio", "design", "art",    "page",    "space",    "website", "top",
    "icu",    "vip",     "work",   "link",  "click",   "one",     "academy",  "center", "email",
    "family", "fashion", "finance", "games", "health", "house",   "legal",    "market", "money",
    "photo",  "photos",  "plus",   "press", "run",     "school",  "social",   "software", "support",
    "systems", "team",   "tips",   "tools", "toys",    "video",   "wiki",     "zone",   "eu",
};

bool IsTld(std::string_view label) {
  if (label.size() < 2) return false;
  for (char c : label) {
    if (!IsAlpha(c)) return false;
  }
  if (label.size() == 2) return true;  // a country code
  for (std::string_view tld : kGenericTlds) {
    if (tld.size() != label.size()) continue;
    bool same = true;
    for (size_t k = 0; k < tld.size() && same; ++k) same = Lower(label[k]) == tld[k];
    if (same) return true;
  }
  return false;
}

bool IsLocalByte(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}
bool IsDomainByte(char c) { return IsAlnum(c) || c == '-'; }

// The e-mail around the '@' at `at`: [begin, end), or false.
bool FindEmail(std::string_view text, size_t at, size_t* begin, size_t* end) {
  size_t b = at;
  while (b > 0 && IsLocalByte(text[b - 1])) --b;
  while (b < at && (text[b] == '.' || text[b] == '\'' || text[b] == '-')) ++b;
  if (b == at || text[at - 1] == '.') return false;
  if (b > 0 && static_cast<unsigned char>(text[b - 1]) >= 0x80) return false;
  // Labels after the '@'.
  size_t pos = at + 1;
  absl::InlinedVector<std::pair<size_t, size_t>, 6> labels;
  while (pos < text.size()) {
    size_t s = pos;
    while (pos < text.size() && IsDomainByte(text[pos])) ++pos;
    if (pos == s) break;
    labels.push_back({s, pos});
    if (pos + 1 < text.size() && text[pos] == '.' && IsDomainByte(text[pos + 1])) {
      ++pos;
    } else {
      break;
    }
  }
  // The longest run of labels ending in a real TLD ("a@b.com.Thanks").
  for (size_t k = labels.size(); k >= 2; --k) {
    auto [s, e] = labels[k - 1];
    if (IsTld(text.substr(s, e - s)) && text[s] != '-' && text[e - 1] != '-') {
      *begin = b;
      *end = e;
      return true;
    }
  }
  return false;
}

void AppendMask(std::string_view text, const PersonalDataSpan& span, std::string_view iban_last4,
                std::string* out) {
  switch (span.kind) {
    case PersonalData::kCard: {
      std::array<char, 4> last;
      int n = 0;
      for (size_t k = span.end; k-- > span.begin && n < 4;) {
        if (IsDigit(text[k])) last[3 - n++] = text[k];
      }
      out->append("\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 ");  // "•••• "
      out->append(last.data() + (4 - n), n);
      return;
    }
    case PersonalData::kIban:
      out->push_back(Upper(text[span.begin]));
      out->push_back(Upper(text[span.begin + 1]));
      out->append("\xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 ");
      out->append(iban_last4);
      return;
    case PersonalData::kEmail:
      out->append("[email]");
      return;
    case PersonalData::kPhone:
      out->append("[phone]");
      return;
  }
}

// Finds every span; iban_last4 receives the last four characters of each
// IBAN, in order.
std::vector<PersonalDataSpan> Find(std::string_view text, std::string_view language,
                                   std::vector<std::string>* iban_last4) {
  std::vector<PersonalDataSpan> spans;
  // Fast exit: no digit and no '@' means none of the four.
  bool digit = false;
  bool at = false;
  for (char c : text) {
    digit |= IsDigit(c);
    at |= c == '@';
  }
  if (!digit && !at) return spans;

  absl::InlinedVector<PersonalDataSpan, 4> emails;
  if (at) {
    for (size_t p = text.find('@'); p != std::string_view::npos; p = text.find('@', p + 1)) {
      size_t b = 0;
      size_t e = 0;
      if ((emails.empty() || p >= emails.back().end) && FindEmail(text, p, &b, &e)) {
        emails.push_back({PersonalData::kEmail, b, e});
      }
    }
  }
  size_t next_email = 0;
  std::string last4;
  size_t i = 0;
  while (i < text.size()) {
    if (next_email < emails.size() && i >= emails[next_email].begin) {
      spans.push_back(emails[next_email]);
      i = emails[next_email].end;
      ++next_email;
      continue;
    }
    size_t limit = next_email < emails.size() ? emails[next_email].begin : text.size();
    char c = text[i];
    if (IsAlpha(c) && i + 3 < limit && IsAlpha(text[i + 1]) && IsDigit(text[i + 2]) &&
        IsDigit(text[i + 3]) && StartsToken(text, i)) {
      size_t e = FindIban(text.substr(0, limit), i, &last4);
      if (e != 0) {
        spans.push_back({PersonalData::kIban, i, e});
        if (iban_last4 != nullptr) iban_last4->push_back(last4);
        i = e;
        continue;
      }
    }
    if ((IsDigit(c) || c == '+' || c == '(') && StartsToken(text, i)) {
      NumberRun run;
      std::string_view scope = text.substr(0, limit);
      if (redact_internal::ReadNumberRun(scope, i, &run)) {
        size_t b = 0;
        size_t e = 0;
        if (FindCard(scope, run, &b, &e)) {
          spans.push_back({PersonalData::kCard, b, e});
          i = e;
          continue;
        }
        if (redact_internal::IsPhone(scope, run, language, &e)) {
          spans.push_back({PersonalData::kPhone, run.begin, e});
          i = e;
          continue;
        }
        i = std::max(run.end, i + 1);
        continue;
      }
    }
    ++i;
    // Skip the rest of a word: numbers inside words are no candidates.
    while (i < limit && IsWordByte(static_cast<unsigned char>(text[i])) &&
           IsWordByte(static_cast<unsigned char>(text[i - 1]))) {
      ++i;
    }
  }
  return spans;
}

}  // namespace

std::string_view PersonalDataName(PersonalData kind) {
  switch (kind) {
    case PersonalData::kCard:
      return "card";
    case PersonalData::kIban:
      return "iban";
    case PersonalData::kEmail:
      return "email";
    case PersonalData::kPhone:
      return "phone";
  }
  return "unknown";
}

std::vector<PersonalDataSpan> FindPersonalData(std::string_view text, std::string_view language) {
  return Find(text, language, nullptr);
}

Redacted Redact(std::string_view text, std::string_view language) {
  Redacted out;
  std::vector<std::string> last4;
  out.spans = Find(text, language, &last4);
  if (out.spans.empty()) {
    out.text.assign(text);
    return out;
  }
  out.text.reserve(text.size());
  size_t pos = 0;
  size_t iban = 0;
  for (const PersonalDataSpan& span : out.spans) {
    out.text.append(text.substr(pos, span.begin - pos));
    std::string_view l4 = span.kind == PersonalData::kIban ? std::string_view(last4[iban++]) : "";
    AppendMask(text, span, l4, &out.text);
    pos = span.end;
  }
  out.text.append(text.substr(pos));
  return out;
}

}  // namespace chatcart
