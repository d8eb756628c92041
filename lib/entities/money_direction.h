// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Which way a budget bounds the price when a negation is said: right before
// its cue ("not under 100", "nn più di 200", "non + di 50", "pas moins de
// 100": the negation joins the cue and turns it round), earlier in the
// clause ("I don't want to spend more than 60", "non voglio spendere più di
// 60", "je ne veux pas dépenser plus de 60": the cue is turned round, the
// span stays the cue's), between a verb cue and its amount ("je ne
// dépasserai pas 90 €"), or after the amount ("più di 200 no", "more than
// 100 is too much", "plus de 300 €, non"). A negation turns "over" into
// "under" and back; between and around stay as they are.
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_MONEY_DIRECTION_H_
#define CHATCART_ENTITIES_MONEY_DIRECTION_H_

#include "chatcart/entities.h"
#include "entities/scan.h"

namespace chatcart::entities {

// "over" for "under" and back; other kinds as they are.
BudgetKind Reversed(BudgetKind kind);

// Whether unit `cue - 1` is a negation said right before the cue at `cue`
// ("not", "no", "non", "nn", "pas", "jamais"), with only spaces between.
bool NegationRightBefore(const Scan& scan, int cue);

// Whether a negation comes earlier in the clause of unit `at` (at most eight
// units back, no sentence or clause punctuation between): "don't", "can't",
// "won't", "not", "never", "non", "nn", "mai", "senza", "ne", "n'", "pas",
// "jamais", "sans". "don't mind", "non importa" negate something else.
bool NegationEarlier(const Scan& scan, int at);

// Whether the words right after unit `last - 1` turn a minimum down: "no",
// "non", "is too much", "too expensive", "è troppo", "sono troppi", "c'est
// trop", maybe after a comma.
bool RejectedAfter(const Scan& scan, int last);

// Whether "not more" follows unit `last - 1` after a comma: "70, not more",
// "70, non di più", "70, pas plus", "pas un centime de plus".
bool NoMoreAfter(const Scan& scan, int last);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_MONEY_DIRECTION_H_
