// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Turning what the shopper said into slot values: the asked slot from any
// fitting entity (a bare "6" answers "how old?"), other slots of the flow
// from unambiguous entities ("a gift for my 6 year old under 40 euros" fills
// age and budget at once). Pure functions; thread-safe.

#ifndef CHATCART_DIALOGUE_SLOT_FILLER_H_
#define CHATCART_DIALOGUE_SLOT_FILLER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"
#include "dialogue/runtime.h"

namespace chatcart::dialogue {

// The value `text`, a payload, or the understanding gives the asked `slot`,
// and the index of the entity used (-1 when none). `last_shown` resolves
// ordinals ("the second one"); `currency` makes a bare number a budget.
std::optional<std::pair<SlotValue, int>> ValueForAskedSlot(
    const SlotSpec& slot, std::string_view text, std::string_view payload,
    const Understanding& understanding, const std::vector<std::string>& last_shown,
    std::string_view currency);

// FNV-1a 32 of `text` folded: ASCII letters lower-cased, runs of ASCII
// punctuation and spaces as one space, trimmed, so "Yes, help me choose!"
// typed matches the button titled "Yes, help me choose". Stable across
// processes and releases: snapshots keep it.
uint32_t QuickReplyTitleHash(std::string_view text);

// The one product just shown (`last_shown` of size 1: a product card, or a
// single pick) when the utterance points at it ("add it", "aggiungilo",
// "je prends ça"); nullopt otherwise, also when several were shown.
std::optional<SlotValue> ProductByPronoun(const Understanding& understanding,
                                         const std::vector<std::string>& last_shown);

// The choice of `slot` (a kChoice slot) whose value or a synonym the
// utterance names as a phrase ("who loves lego" -> "building"), or nullopt
// when none is named (words of what is not wanted, kExclude, name none
// unless `unwanted_too`: "niente lego" names the choice it leaves out).
// Several named are alternatives: their values joined
// with ',' ("sweet and nutty" -> "caramel,nutty"), as an answer "nere o blu".
// Whether the words ask what, which, how or how much ("quanto lo devo
// lasciare in infusione?"), not for something ("mi fai vedere una
// ballerina?").
bool AsksWhat(const Understanding& understanding);

// Whether the words say "also" ("also", "too", "anche", "pure", "aussi"):
// another product besides what was just taken.
bool SaysAlso(const Understanding& understanding);

std::optional<SlotValue> MentionedChoice(const SlotSpec& slot, const Understanding& understanding,
                                         bool unwanted_too = false);

// Every compatibility entity of the utterance as one value, comma-joined
// ("iphone,windows_phone"), or nullopt when there is none.
std::optional<SlotValue> JoinedCompatibility(const Understanding& understanding);

// The discount code in `text`: the first word of letters and digits (and
// '-') with a digit, or upper case and 4+ long, upper-cased. When `asked`
// and none looks like a code, the last such word ("welcome" -> "WELCOME").
std::string FindCode(std::string_view text, bool asked);

// Whether the turn says yes ("yes please", "sì", "oui", a yes intent).
bool SaysYes(const Understanding& understanding);

// The slot type an entity fills without being asked, or nullopt for entities
// that are ambiguous out of context (bare numbers, ordinals).
std::optional<SlotType> UnaskedSlotType(std::string_view entity_type);

// Converts a designer's literal (set_slot) to a value of `type`.
std::optional<SlotValue> SlotValueFromLiteral(SlotType type, std::string_view literal,
                                              std::string_view currency);

// The slot as template argument text and, for number types, its number.
TemplateArg SlotArg(const std::string& name, const SlotValue& value);

// The slot as a condition operand: `field` is "" or "min"/"max" for budgets.
std::optional<ConditionValue> SlotConditionValue(const SlotValue& value, std::string_view field);

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_SLOT_FILLER_H_
