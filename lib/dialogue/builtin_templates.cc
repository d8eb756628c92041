// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/builtin_templates.h"

namespace chatcart::dialogue {

const std::vector<BuiltinTemplate>& BuiltinTemplates() {
  static const auto* templates = new std::vector<BuiltinTemplate>{
      // Not understood; {attempt} counts consecutive misses.
      {"chatcart.not_understood",
       "en",
       {"Sorry, I didn't catch that.", "Sorry, I'm not sure what you mean.",
        "I didn't quite get that, could you say it another way?"}},
      {"chatcart.not_understood",
       "it",
       {"Scusa, non ho capito.", "Scusa, non sono sicuro di cosa intendi.",
        "Non ho capito bene, puoi dirlo in un altro modo?"}},
      {"chatcart.not_understood",
       "fr",
       {"Désolé, je n'ai pas compris.", "Désolé, je ne suis pas sûr de comprendre.",
        "Je n'ai pas bien compris, pouvez-vous le dire autrement ?"}},
      {"chatcart.offer_human", "en", {"Would you like me to connect you with a person?"}},
      {"chatcart.offer_human", "it", {"Vuoi che ti metta in contatto con una persona?"}},
      {"chatcart.offer_human",
       "fr",
       {"Voulez-vous que je vous mette en relation avec une personne ?"}},
      {"chatcart.handoff",
       "en",
       {"I'm connecting you with a person now; they'll see our chat so far."}},
      {"chatcart.handoff",
       "it",
       {"Ti metto in contatto con una persona; vedrà la nostra conversazione."}},
      {"chatcart.handoff",
       "fr",
       {"Je vous mets en relation avec une personne ; elle verra notre conversation."}},
      {"chatcart.human", "en", {"Talk to a person"}},
      {"chatcart.human", "it", {"Parla con una persona"}},
      {"chatcart.human", "fr", {"Parler à une personne"}},
      {"chatcart.resume", "en", {"Now, where were we?", "Back to what we were doing:"}},
      {"chatcart.resume",
       "it",
       {"Allora, dove eravamo?", "Torniamo a quello che stavamo facendo:"}},
      {"chatcart.resume",
       "fr",
       {"Alors, où en étions-nous ?", "Revenons à ce que nous faisions :"}},
      // A command failed; {reason} is the engine's explanation.
      {"chatcart.failed", "en", {"Sorry, that didn't work: {reason}"}},
      {"chatcart.failed", "it", {"Scusa, non è andata: {reason}"}},
      {"chatcart.failed", "fr", {"Désolé, cela n'a pas marché : {reason}"}},
      {"chatcart.yes", "en", {"Yes"}},
      {"chatcart.yes", "it", {"Sì"}},
      {"chatcart.yes", "fr", {"Oui"}},
      {"chatcart.no", "en", {"No"}},
      {"chatcart.no", "it", {"No"}},
      {"chatcart.no", "fr", {"Non"}},
      {"chatcart.forgotten", "en", {"Done: I've forgotten what you asked me to remember."}},
      {"chatcart.forgotten",
       "it",
       {"Fatto: ho dimenticato quello che mi avevi chiesto di ricordare."}},
      {"chatcart.forgotten",
       "fr",
       {"C'est fait : j'ai oublié ce que vous m'aviez demandé de retenir."}},
  };
  return *templates;
}

}  // namespace chatcart::dialogue
