// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/explain.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace chatcart::recommend {

void ExplainEmpty(const Recommender::Rep& rep, std::span<const HardConstraint> constraints,
                  const Diagnosis& diagnosis, Lang lang, Recommendation* out) {
  out->conflict = diagnosis.conflict;
  if (diagnosis.conflict.empty()) {
    out->explanation = Render(lang, Msg::kNoneAvailable);
    return;
  }
  std::string conds;
  for (size_t k = 0; k < diagnosis.conflict.size(); ++k) {
    if (k > 0) conds.append(Render(lang, Msg::kAnd));
    conds.append(Phrase(rep, constraints[diagnosis.conflict[k]], lang));
  }
  std::string text =
      Render(lang, diagnosis.conflict.size() == 1 ? Msg::kNoneInCatalog : Msg::kNothing,
             {{"conds", conds}});

  std::string proposals;
  for (const Proposal& p : diagnosis.proposals) {
    Relaxation r;
    r.matches = p.matches;
    std::string changes;
    for (const Change& c : p.changes) {
      RelaxationChange rc;
      rc.constraint = c.constraint;
      if (c.to) {
        rc.to = c.to->Text();
        rc.phrase = Phrase(rep, *c.to, lang);
      } else {
        rc.phrase = Phrase(rep, constraints[c.constraint], lang);
      }
      if (!changes.empty()) changes.append(Render(lang, Msg::kAnd));
      changes.append(Render(lang, c.to ? Msg::kWith : Msg::kWithout, {{"v", rc.phrase}}));
      r.changes.push_back(std::move(rc));
    }
    r.text = p.matches == 1 ? Render(lang, Msg::kProposalOne, {{"changes", changes}})
                            : Render(lang, Msg::kProposalMany,
                                     {{"changes", changes},
                                      {"n", FormatCount(static_cast<int64_t>(p.matches), lang)}});
    if (!proposals.empty()) proposals.append(Render(lang, Msg::kProposalOr));
    proposals.append(r.text);
    out->relaxations.push_back(std::move(r));
  }
  if (!proposals.empty()) absl::StrAppend(&text, "; ", proposals);
  text.push_back('.');
  out->explanation = std::move(text);
}

}  // namespace chatcart::recommend
