// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Money and budgets in English, Italian and French: amounts with a currency
// (symbol, ISO code or name, before or after: "$300", "300 bucks", "EUR 50",
// "19,99 €", "40 quid", "20eur"), "k" and "grand" ("1.5k", "2 grand"), and
// the budget cues that bound them: under ("under", "less than", "sotto",
// "meno di", "moins de", "pas plus de", "50 or less", "50 € max"), over
// ("at least", "più di", "au moins", "500 or more"), between ("between X and
// Y", "tra X e Y", "entre X et Y", "from X to Y", "da X a Y", "de X à Y",
// "X-Y €") and around ("around", "about", "circa", "intorno ai", "environ",
// "~50", "300ish"). Amounts said without a currency take the store's.
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_MONEY_H_
#define CHATCART_ENTITIES_MONEY_H_

#include <string>
#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Internal budget cue beyond BudgetKind: "from" starts a range ("from 200 to
// 300"), and alone means nothing.
inline constexpr int8_t kBudgetFrom = 16;

// The ISO 4217 codes that "$" and "dollars" may stand for (the store's when it
// is one of them, else USD).
bool IsDollarCurrency(std::string_view code);

// How a most to spend reads in a reply when its span begins with an over
// cue a negation turned round ("over 900" of "I don't want to go over 900")
// or with a raise ("alzo a 50", "je monte à 80"): "max 900", "max 50", "max
// 80". Any other span as it is. The cues are the budget cues' own, each as
// written and without its accents, matched without regard to ASCII case.
std::string MostToSpendDisplay(std::string_view span);

// Adds currency words and symbols, budget cues, range joiners and measure
// units for `language`. `config` gives the codes "$" and "balles" resolve to.
void AddMoneyWords(text::Language language, const ScanConfig& config, LexiconBuilder* lexicon);

// Proposes "money" candidates.
void FindMoney(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_MONEY_H_
