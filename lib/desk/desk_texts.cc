// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What the desk says to shoppers, in English, Italian and French (any other
// language gets English). Waits are shown above DeskOptions::show_wait_above
// only: in whole minutes up to ten, then in bands (NICE's advice: bands
// promise less than they cannot keep).

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "common/strings.h"
#include "desk/desk_rep.h"
#include "text/language.h"

namespace chatcart::desk_internal {
namespace {

using text::Language;

// Any language but Italian and French reads English.
Language Of(std::string_view language) {
  return text::ParseLanguage(language).value_or(Language::kEnglish);
}

const char* Pick(Language l, const char* en, const char* it, const char* fr) {
  return l == Language::kItalian ? it : l == Language::kFrench ? fr : en;
}

}  // namespace

std::string WaitText(std::string_view language, int64_t seconds, const DeskOptions& options) {
  if (seconds < 0 || seconds <= absl::ToInt64Seconds(options.show_wait_above)) return "";
  const Language l = Of(language);
  const int64_t minutes = (seconds + 59) / 60;
  if (minutes <= 10) {
    return absl::StrCat(Pick(l, "about ", "circa ", "environ "), minutes,
                        Pick(l, " minutes", " minuti", " minutes"));
  }
  if (minutes <= 20) return Pick(l, "10 to 20 minutes", "tra 10 e 20 minuti", "10 à 20 minutes");
  if (minutes <= 30) return Pick(l, "20 to 30 minutes", "tra 20 e 30 minuti", "20 à 30 minutes");
  if (minutes <= 60) return Pick(l, "30 to 60 minutes", "tra 30 e 60 minuti", "30 à 60 minutes");
  return Pick(l, "more than an hour", "più di un'ora", "plus d'une heure");
}

std::string PositionText(std::string_view language, int position, std::string_view wait_text) {
  const Language l = Of(language);
  std::string text;
  if (position <= 0) return text;
  if (position == 1) {
    text = Pick(l, "You're next.", "Sei il prossimo.", "Vous êtes le prochain.");
  } else {
    text = absl::StrCat(Pick(l, "People ahead of you: ", "Persone prima di te: ",
                             "Personnes avant vous : "),
                        position - 1, ".");
  }
  if (!wait_text.empty()) {
    absl::StrAppend(&text, Pick(l, " Estimated wait: ", " Attesa stimata: ", " Attente estimée : "),
                    ToAbsl(wait_text), ".");
  }
  return text;
}

std::string JoinedText(std::string_view language, std::string_view agent, int64_t reference) {
  return absl::StrReplaceAll(
      Pick(Of(language),
           "$agent has joined. Your reference number for this chat is #$ref.",
           "$agent si è unito alla chat. Il numero di riferimento di questa chat è #$ref.",
           "$agent a rejoint la conversation. Votre numéro de référence est le #$ref."),
      {{"$agent", ToAbsl(agent)}, {"$ref", absl::StrCat(reference)}});
}

std::string ResolvedText(std::string_view language, std::string_view agent) {
  if (agent.empty()) {
    return Pick(Of(language), "This conversation was closed. I will continue assisting you.",
                "Questa conversazione è stata chiusa. Continuo io ad assisterti.",
                "Cette conversation a été clôturée. Je continue à vous aider.");
  }
  return absl::StrReplaceAll(
      Pick(Of(language), "$agent closed the conversation. I will continue assisting you.",
           "$agent ha chiuso la conversazione. Continuo io ad assisterti.",
           "$agent a clôturé la conversation. Je continue à vous aider."),
      {{"$agent", ToAbsl(agent)}});
}

std::string RequeuedText(std::string_view language, std::string_view agent) {
  return absl::StrReplaceAll(
      Pick(Of(language), "$agent had to leave; you are back in the queue at your place.",
           "$agent si è dovuto assentare: sei di nuovo in coda, al tuo posto.",
           "$agent a dû s'absenter : vous retrouvez votre place dans la file."),
      {{"$agent", ToAbsl(agent)}});
}

std::string QueueFullText(std::string_view language) {
  return Pick(Of(language),
              "All our people are busy right now. You can leave a message, or we can call you "
              "back.",
              "I nostri operatori sono tutti occupati. Puoi lasciare un messaggio o farti "
              "richiamare.",
              "Tous nos conseillers sont occupés. Vous pouvez laisser un message ou être "
              "rappelé.");
}

std::string WaitExceededText(std::string_view language) {
  return Pick(Of(language),
              "Sorry for the wait. You can keep waiting, leave a message, or we can call you "
              "back.",
              "Scusa l'attesa. Puoi continuare ad aspettare, lasciare un messaggio o farti "
              "richiamare.",
              "Désolé pour l'attente. Vous pouvez patienter, laisser un message ou être "
              "rappelé.");
}

std::string MessageLeftText(std::string_view language) {
  return Pick(Of(language), "Thanks, your message is with our team: we'll get back to you.",
              "Grazie, il tuo messaggio è arrivato al nostro team: ti ricontatteremo.",
              "Merci, votre message a été transmis à notre équipe : nous revenons vers vous.");
}

std::string TranscriptSubject(std::string_view language, std::string_view store) {
  const Language l = Of(language);
  if (store.empty()) {
    return Pick(l, "Your chat with us", "La tua chat con noi", "Votre conversation avec nous");
  }
  return absl::StrCat(Pick(l, "Your chat with ", "La tua chat con ", "Votre conversation avec "),
                      ToAbsl(store));
}

}  // namespace chatcart::desk_internal
