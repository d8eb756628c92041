// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/redact.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

struct Case {
  const char* in;
  const char* language;
  const char* out;
};

class RedactCases : public ::testing::TestWithParam<Case> {};

TEST_P(RedactCases, Masks) {
  EXPECT_EQ(Redact(GetParam().in, GetParam().language).text, GetParam().out);
}

INSTANTIATE_TEST_SUITE_P(
    Table, RedactCases,
    ::testing::Values(
        // Cards: Luhn-valid, bare or grouped; the last four stay.
        Case{"card 4111 1111 1111 1111 exp 09/27", "en", "card •••• 1111 exp 09/27"},
        Case{"4111-1111-1111-1111", "", "•••• 1111"},
        Case{"amex 378282246310005.", "en", "amex •••• 0005."},
        Case{"card 4111 1111 1111 1112", "en", "card 4111 1111 1111 1112"},  // fails Luhn
        Case{"0000 0000 0000 0000", "", "0000 0000 0000 0000"},              // no real card
        // IBANs: mod-97, grouped or not, any case.
        Case{"IBAN IT60 X054 2811 1010 0000 0123 456 thanks", "it",
             "IBAN IT•• •••• 3456 thanks"},
        Case{"fr7630006000011234567890189", "fr", "FR•• •••• 0189"},
        Case{"IT61 X054 2811 1010 0000 0123 456", "it", "IT61 X054 2811 1010 0000 0123 456"},
        // E-mails need a real top-level domain.
        Case{"write to jo.doe+shop@example.co.uk.", "en", "write to [email]."},
        Case{"me@localhost or me@host.notatld", "en", "me@localhost or me@host.notatld"},
        Case{"@toyland on instagram", "en", "@toyland on instagram"},
        // Phones in en/it/fr formats.
        Case{"call (555) 123-4567", "en", "call [phone]"},
        Case{"+1 555 123 4567 x204", "en", "[phone]"},
        Case{"my number is 555-0199", "en", "my number is [phone]"},
        Case{"tel 333 123 4567", "it", "tel [phone]"},
        Case{"cellulare 3471234567", "it", "cellulare [phone]"},
        Case{"+39 06 1234 5678", "it", "[phone]"},
        Case{"06 12 34 56 78", "fr", "[phone]"},
        Case{"07.88.12.34.56", "fr", "[phone]"},
        Case{"+33 (0)1 23 45 67 89", "fr", "[phone]"},
        // Not phones.
        Case{"paid 1.299,00 euro on 12/05/2024 at 18:30", "it",
             "paid 1.299,00 euro on 12/05/2024 at 18:30"},
        Case{"order 4567891234 is late", "en", "order 4567891234 is late"},
        Case{"ordine n. 0612345678", "it", "ordine n. 0612345678"},
        Case{"server 192.168.10.25", "en", "server 192.168.10.25"},
        Case{"ssn 123-45-6789", "en", "ssn 123-45-6789"},
        Case{"1 250 000 units", "fr", "1 250 000 units"},
        Case{"model CP-4001234567", "en", "model CP-4001234567"},
        Case{"no digits at all, just words", "en", "no digits at all, just words"}));

TEST(Redact, ReportsSpansInTheInput) {
  Redacted r = Redact("a 4111111111111111 b x@y.fr", "en");
  ASSERT_EQ(r.spans.size(), 2u);
  EXPECT_EQ(r.spans[0].kind, PersonalData::kCard);
  EXPECT_EQ(r.spans[0].begin, 2u);
  EXPECT_EQ(r.spans[0].end, 18u);
  EXPECT_EQ(r.spans[1].kind, PersonalData::kEmail);
  EXPECT_EQ(PersonalDataName(r.spans[1].kind), "email");
}

TEST(Redact, KeepsOtherBytesAsTheyAre) {
  std::string bad = "caf\xC3\xA9 \xFF\xFE 06 12 34 56 78";
  Redacted r = Redact(bad, "fr");
  EXPECT_EQ(r.text, "caf\xC3\xA9 \xFF\xFE [phone]");
}

}  // namespace
}  // namespace chatcart
