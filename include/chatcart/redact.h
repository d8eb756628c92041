// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Redaction of personal data in chat text: payment card numbers, IBANs,
// e-mail addresses and phone numbers (en/it/fr formats). The desk redacts
// every message when it arrives, before it is stored or an agent sees it;
// hosts use the same functions for their own logs (`chatcart redact`).
//
//   chatcart::Redacted r = chatcart::Redact("card 4111 1111 1111 1111, tel 06 12 34 56 78", "fr");
//   // r.text == "card •••• 1111, tel [phone]"; r.spans has both, byte offsets
//
// What is found:
//   card   13 to 19 digits, bare or in groups split by single spaces or
//          dashes, passing the Luhn check; masked as "•••• 1234" (the last
//          four, which PCI DSS allows on display).
//   iban   two letters, two check digits and the country's length of
//          letters and digits (bare or in groups of four, any case), passing
//          the ISO 13616 mod-97 check; masked as "IT•• •••• 3456".
//   email  local@domain with a real top-level domain (any two-letter
//          country code, or a generic one from a built-in list); "[email]".
//   phone  7 to 15 digits shaped like a phone number: an international
//          prefix (+39, 0033), an area code in parentheses, three or more
//          groups, an extension; or two groups / a bare run that fit a
//          national plan (0 trunk prefix, Italian mobiles 3xx, US 3-4 local
//          numbers) or follow a phone word (tel, phone, telefono, cellulare,
//          portable, numéro...). Dates, times, amounts, US SSN shapes and
//          numbers after an order/invoice/reference word are not phones.
//          "[phone]".
// Limits: obfuscated forms ("john at example dot com", digits spelled out)
// are not found; a 13-19 digit number that passes Luhn by chance (1 in 10)
// is masked as a card; only ASCII digits count.
//
// Thread safety: these are pure functions, safe from any thread.

#ifndef CHATCART_REDACT_H_
#define CHATCART_REDACT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chatcart {

enum class PersonalData { kCard, kIban, kEmail, kPhone };

// "card", "iban", "email", "phone".
std::string_view PersonalDataName(PersonalData kind);

// A piece of personal data: bytes [begin, end) of the text searched.
struct PersonalDataSpan {
  PersonalData kind;
  size_t begin = 0;
  size_t end = 0;
};

// The personal data in `text`, in order, without overlaps. `language` ("en",
// "it", "fr", or "" for all three) chooses the phone words and national
// plans tried first; formats of every language are found in any language.
std::vector<PersonalDataSpan> FindPersonalData(std::string_view text,
                                               std::string_view language = "");

struct Redacted {
  std::string text;
  // Where each piece was in the input (not in `text`).
  std::vector<PersonalDataSpan> spans;
};

// `text` with every piece FindPersonalData finds replaced by its mask. Bytes
// outside the pieces are copied as they are.
Redacted Redact(std::string_view text, std::string_view language = "");

}  // namespace chatcart

#endif  // CHATCART_REDACT_H_
