// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The built-in phrasings of conversation acts in English, Italian and French,
// over plain text (see PlainText in acts.h: lower case, no accents, "'" and
// punctuation as spaces, '?' kept). Written from how shoppers type: chat
// abbreviations ("pls", "stp", "x", "nn", "cmq"), missing accents and
// apostrophes, typos of the commonest words.

#include "converse/acts.h"

namespace chatcart::converse {

const std::vector<ActPattern>& BuiltinActPatterns() {
  using K = ActKind;
  // One pattern a line, long as they are: a table to read down.
  // clang-format off
  static const auto* patterns = new std::vector<ActPattern>{
      // ---- cheaper
      {K::kCheaper, R"(\b(cheaper|cheeper|chaper|less expensive|more affordable|lower price[d]?|less pricey|less money|budget friendl\w*)\b)"},
      {K::kCheaper, R"(\b(too|way too|bit|rather|quite|little|so) (expensive|pricey|pricy|costly|much money|dear)\b)"},
      {K::kCheaper, R"(\b(costs?|is) too much\b|\bout of my (price )?(range|budget)\b|\bover my budget\b|\bspend less\b|\bcan t afford\b)"},
      {K::kCheaper, R"(\bpiu economic[oaie]\b|\bmeno car[oaie]\b|\bmeno costos[oaie]\b|\bpiu abbordabil[ei]\b|\bche cost(i|a|ino|ano) meno\b|\bcost(a|ano) meno\b)"},
      {K::kCheaper, R"(\btroppo (car[oaie]|costos[oaie])\b|\bcost(a|ano) troppo\b|\bfuori (dal )?(mio )?budget\b|\bspendere meno\b|\bnon posso spendere\b)"},
      {K::kCheaper, R"(\bmoins chere?s?\b|\bplus abordables?\b|\bmoins couteu(x|se|ses)\b|\bmeilleur marche\b|\bpas trop cher\b|\bprix plus bas\b)"},
      {K::kCheaper, R"(\btrop chere?s?\b|\bcoute(nt)? trop\b|\bhors (de )?(mon )?budget\b|\bdepenser moins\b|\bau dessus de mon budget\b)"},
      // ---- pricier / better
      {K::kPricier, R"(\b(something|anything|any|one|ones|options?|models?|smth|sth) (a bit |little |even |much )?(better|nicer|fancier|more expensive|higher end|more premium|more powerful|of better quality)\b)"},
      {K::kPricier, R"(^(a bit |even )?(better|more expensive|higher end|premium|fancier|nicer)( ones?| options?| please| pls)? ?\??$|\bspend more\b|\btoo cheap\b|\bhigher budget\b|\bbetter quality\b)"},
      {K::kPricier, R"(\b(qualcosa|qualcos|roba|modell[oi]|opzion[ei]|un[oa]?|altr[oiae]) (di )?(migliore|migliori|meglio|piu costos[oaie]|piu car[oaie]|di fascia (piu )?alta|piu potent[ei]|piu bell[oaie]|piu di qualita)\b)"},
      {K::kPricier, R"(^(di )?(migliore|meglio|piu car[oaie]|piu costos[oaie]|di fascia alta)( \?)?$|\bspendere di piu\b|\bposso spendere di piu\b|\btroppo economic[oaie]\b|\bqualita migliore\b)"},
      {K::kPricier, R"(\b(quelque chose|qqch|qqc|un[e]?|modeles?|options?) (de )?(plus )?(mieux|meilleure?s?|plus chere?s?|haut de gamme|plus puissante?s?|de meilleure qualite)\b)"},
      {K::kPricier, R"(^(mieux|meilleure?s?|plus chere?s?|haut de gamme)( \?)?$|\bdepenser plus\b|\btrop bon marche\b|\bmeilleure qualite\b)"},
      // ---- another brand
      {K::kOtherBrand, R"(\b(another|other|different|diff) (brand|brands|make|maker|manufacturer)s?\b|\bbrand other than\b|\bnot that brand\b)"},
      {K::kOtherBrand, R"(\b(altra|altre|un altra|diversa|diverse) marc(a|he)\b|\bmarc(a|he) divers[ae]\b|\bnon di quella marca\b)"},
      {K::kOtherBrand, R"(\b(autre|autres|une autre|differente) marques?\b|\bmarques? differentes?\b|\bpas cette marque\b)"},
      // ---- something else
      {K::kSomethingElse, R"(\b(something|anything|smth|sth|somethin) (else|different)\b|\bwhat else\b|\bany others?\b|\bother (options|ones|choices|models|ideas|suggestions|products|picks)\b)"},
      {K::kSomethingElse, R"(\bshow me (some )?(more|others|other ones|different ones|something else)\b|\bnone of (these|those|them)\b|\bdon t like (these|those|them|any of)\b|\bmore options\b|^(others?|more|next|different)( ones?| please| pls)? ?\??$)"},
      {K::kSomethingElse, R"(\bqualcos[a]? (d )?altro\b|\bqualcosa di (diverso|altro)\b|\baltr[ei] (opzioni|idee|proposte|cose|alternative)\b|\baltri (modelli|prodotti|articoli)\b|\b(cos|che) altro\b)"},
      {K::kSomethingElse, R"(^(altro|altri|altre|ancora|altri modelli)( \?)?$|\bnessuno di (questi|queste)\b|\bnon mi piac(e|ciono) (questi|queste|nessuno)\b|\bfammi vedere altr[oiea]\b|\bmostrami altr[oiea]\b|\bhai altr[oiea]\b|\bavete altr[oiea]\b)"},
      {K::kSomethingElse, R"(\bautre chose\b|\bquelque chose d autre\b|\bd autres (options|idees|modeles|choses|produits|propositions)\b|\bquoi d autre\b|\bautres? (options?|idees?|modeles?|propositions?)\b)"},
      {K::kSomethingElse, R"(^(d autres|autres?|encore)( \?)?$|\baucun de (ces|ceux)\b|\bje n aime pas (ces|ceux|ca)\b|\bvous avez d autres\b|\bt as d autres\b|\bmontrez moi d autres\b)"},
      // ---- done
      {K::kDone, R"(\b(nothing else|that s all|thats all|that s it|thats it|no more|i m done|im done|all set|that will be all)\b)"},
      {K::kDone, R"(\b(nient altro|niente altro|basta cosi|e tutto|per ora basta|a posto cosi|sono a posto)\b)"},
      {K::kDone, R"(\b(rien d autre|c est tout|ca sera tout|ce sera tout|c est bon pour moi|ca ira)\b)"},
      // ---- the cart
      {K::kCheckout, R"(\b(checkout|check out|pay now|let s pay|i ll pay|i want to pay|buy (it|them) now|place (the|my) order|complete (the|my) order|proceed to (payment|checkout)|go to (payment|checkout)|vai al pagamento|andiamo al pagamento|passa al pagamento|passiamo al pagamento|aller au paiement|passer au paiement|on passe au paiement)\b)"},
      {K::kCheckout, R"(^((ok|perfetto|bene|allora|va bene) )*pago\b|^((ok|parfait|bon) )*je paye\b|\b(paghiamo|pago ora|voglio pagare|procedi|procediamo|concludiamo|confermo l ordine|completa l ordine|fammi pagare|alla cassa)\b)"},
      {K::kCheckout, R"(\b(je passe commande|passer (la )?commande|je paie|on paie|payer maintenant|je veux payer|valider (la commande|le panier|mon panier)|je valide)\b|^((ok|parfait|bon|allez|c est bon) )*(on|je) commande\b)"},
      {K::kCartTotal, R"(\b(what s my total|whats my total|my total|the total|total\s*\?|how much (is it|does it come to|is that) (all )?(together|in total|altogether)|how much in total|how much (am i|m i|will i be) (spending|paying)|how much do i (owe|pay)|what do i owe)\b)"},
      {K::kCartTotal, R"(\b(in tutto|il totale|totale\s*\?|quanto (viene|fa|spendo) in tutto|quanto fa|quanto spendo|quanto pago|quanto ti devo|quanto le devo)\b)"},
      {K::kCartTotal, R"(\b(en tout|au total|le total|total\s*\?|ca fait combien|combien en tout|combien je (paie|paye|depense|vous dois|te dois)|ca me fait combien)\b)"},
      {K::kRemoveAll, R"(\b(remove|delete|clear|empty) (everything|it all|all of (it|them)|all|the (whole )?cart|my cart)\b|\bstart the cart over\b)"},
      {K::kRemoveAll, R"(\b(togli|rimuovi|elimina|cancella|svuota) (tutto|tutti|il carrello)\b|\bsvuota\b)"},
      {K::kRemoveAll, R"(\b(enleve|enlevez|retire|retirez|supprime|supprimez|vide|videz) (tout|le panier|mon panier)\b)"},
      // ---- not X (the words after the negation; the dialogue resolves them)
      {K::kExclude, R"(\b(?:no|not|nothing too|not too|without|except|but not|no more|nothing with|anything but|don t want|dont want|hates?|doesn t like|does not like|don t like|isn t into|not into)\s+(?:any |the |a |an |more )?([a-z0-9]+(?: [a-z0-9]+)?))"},
      {K::kExclude, R"(\b(?:niente di troppo|non troppo|niente|no|senza|tranne|eccetto|salvo|odia|non vuole|non voglio|non gli piace|non le piace|non gli piacciono|non le piacciono)\s+(?:il |lo |la |i |gli |le |l |di |dei |delle |degli |con )?([a-z0-9]+(?: [a-z0-9]+)?))"},
      {K::kExclude, R"(\b(?:pas trop|rien de trop|pas de|pas d|sans|sauf|pas le|pas la|pas les|pas des|rien de|deteste|n aime pas(?: le| la| les)?|ne veut pas(?: de)?)\s+(?:le |la |les |l )?([a-z0-9]+(?: [a-z0-9]+)?))"},
      // ---- more like
      {K::kMoreLike, R"(\b(more|something|others?|ones?|anything|stuff) (like|similar to) (the|that|this)\b|\bsimilar (to|ones?)\b|\blike the (first|second|third|last|1st|2nd|3rd) one\b)"},
      {K::kMoreLike, R"(\b(simil[ei]|tipo|come) (al|alla|allo|a quell[oa]|il|la|quell[oa]) ?(prim|second|terz|ultim|quell)\w*\b|\bqualcosa (di )?simile\b|\bsimil[ei] a\b)"},
      {K::kMoreLike, R"(\b(similaires?|semblables?|comme|pareils?) (au|a la|a l|le|la|celui|celle)\b|\bquelque chose de similaire\b|\bdans le meme genre\b)"},
      // ---- more / less of something
      {K::kMoreOf, R"(\b(lighter|less heavy|more portable|piu legger[oaie]|meno pesant[ei]|plus legere?s?|moins lourde?s?)\b)", "light"},
      {K::kMoreOf, R"(\b(bigger|larger|wider) (screen|display)\b|\b(screen|display) (bigger|larger)\b|\bschermo piu grande\b|\bpiu grande( lo)? schermo\b|\b(ecran|affichage) plus grand\b|\bplus grand ecran\b)", "bigger_screen"},
      {K::kMoreOf, R"(\b(smaller|more compact|piu piccol[oaie]|piu compatt[oaie]|plus petite?s?|plus compacte?s?)\b)", "smaller"},
      {K::kMoreOf, R"(\b(longer|better|more) battery\b|\bbattery (that )?lasts? longer\b|\bbatteria (piu lunga|migliore|che dura di piu)\b|\bpiu (autonomia|batteria)\b|\bplus d autonomie\b|\bmeilleure autonomie\b|\bbatterie (plus longue|qui dure plus)\b)", "long_battery"},
      {K::kMoreOf, R"(\b(faster|quicker|more powerful|piu velo[cx]\w*|piu potent[ei]|plus rapides?|plus puissante?s?)\b)", "fast"},
      {K::kMoreOf, R"(\b(quieter|less noisy|more silent|piu silenzios[oaie]|meno rumoros[oaie]|plus silencieu(x|se|ses)|moins bruyante?s?)\b)", "quiet"},
      {K::kMoreOf, R"(\b(cheaper to run|cheaper per (print|photo|page)|lower running cost|costa meno (a|per) (stampa|foto)|meno (costos[oaie] )?da (usare|mantenere)|moins cher (a l usage|par (photo|impression|page)))\b)", "cheap_to_run"},
      {K::kMoreOf, R"(\b(?:more|bigger|larger|extra)\s+([a-z]+)\b)"},
      {K::kMoreOf, R"(\b(?:piu|maggiore|maggior)\s+(?:di )?([a-z]+)\b)"},
      {K::kMoreOf, R"(\bplus (?:de|d)\s+([a-z]+)\b)"},
      {K::kLessOf, R"(\b(?:less|lower|fewer)\s+([a-z]+)\b)"},
      {K::kLessOf, R"(\bmeno\s+(?:di )?([a-z]+)\b)"},
      {K::kLessOf, R"(\bmoins (?:de|d)\s+([a-z]+)\b)"},
      // ---- references
      {K::kRefCheapest, R"(\b(the|il|la|lo|l|le|i|gli|quell[oa]) (cheaper|cheapest|least expensive|less expensive|lowest priced|piu economic[oaie]|meno car[oaie]|moins chere?s?)\b)"},
      {K::kRefCheapest, R"(\b(cheapest|least expensive)\b|\bwhich is cheaper\b|\bquale costa (di )?meno\b|\blequel est le moins cher\b|\bcelui qui coute le moins\b|\bquello che costa (di )?meno\b)"},
      {K::kRefPriciest, R"(\b(the|il|la|lo|l|le|quell[oa]) (more expensive|most expensive|pricier|priciest|piu car[oaie]|piu costos[oaie]|plus chere?s?)\b)"},
      {K::kRefBest, R"(\b(the|il|la|lo|l|le) (best|better|top|migliore|meilleure?)( one| rated| pick| choice| of them)?\b|\bwhich (one )?(is|s) (the )?best\b|\bquale (e|sarebbe) (il )?migliore\b|\blequel est (le )?meilleur\b)"},
      // ---- choosing one (meaningful with a reference to a product)
      {K::kChoose, R"(\b(i ll|ill|i will|i d|id|let s|lets|i want to|i wanna|wanna|gonna|i m going to|im going to|i d like to|would like to|i ll just) (go with|take|get|have|buy|order|grab|choose|pick)\b)"},
      {K::kChoose, R"(\b(i take|i choose|i pick|i want|i d like|i would like|give me|get me|i ll have|ok the|okay the|sold|deal|i m taking|going with|go for|i go for|put me down for)\b)"},
      {K::kChoose, R"(\b(mettila|mettilo|mettili|mettile|aggiungila|aggiungilo|aggiungili|aggiungile|prendila|prendilo|add it|add them|ajoute le|ajoute la|ajoute les|mets le|mets la|mets les)\b|^(e|and|et|anche|also|plus) (un|una|uno|a|an|une|des|del|della|dei|delle)\b)"},
      // "add a kilo of the Maison", "aggiungi 2 calzini", "ajoute un sachet"
      {K::kChoose, R"(^(ok |okay |ok so |please |pls |then |alors |allora |si |yes )?(add|put|throw in|aggiungi|aggiungimi|metti|ajoute|ajoutez|rajoute|mettez) (a|an|one|two|three|four|five|the|some|another|un|una|uno|due|tre|il|la|lo|l|i|gli|le|les|une|deux|trois|des|du|de la|[0-9]+[a-z]*)\b)"},
      // "Could you also add a box of the espresso cups", "puoi aggiungere".
      {K::kChoose, R"(\b(can|could|would) you (please )?(also )?(add|put|include|throw in|pop in)\b|\b(puoi|potresti|puoi anche|potresti anche) (aggiungere|mettere|aggiungermi|mettermi)\b|\b(vous pouvez|pouvez vous|tu peux|tu pourrais|vous pourriez) (aussi )?(ajouter|mettre|rajouter)\b)"},
      {K::kChoose, R"(\bva bene\s*$|\b(mi serve anche|serve anche|i also need|i need that|j ai besoin (de|du|des))\b)"},
      {K::kChoose, R"(\b(prendo|prenderei|prendiamo|mi prendo|voglio|vorrei|scelgo|sceglierei|opto per|compro|comprerei|ordino|dammi|mi dai|mettimi|me la metti|me lo metti|me li metti|me le metti|vada per|va bene (il|la|lo|l|quell[oa])|allora (il|la|lo|l))\b)"},
      // "je le prends", "lo prendo", "stick it in the basket", "budlite it is".
      {K::kChoose, R"(\b(je|j|on) (le|la|les|l|en) (prends|prend|prendrai|prendrais|achete|veux|voudrais|garde|commande)\b|\b(on prend|on va prendre|on part sur|je reste sur|je garde|je retiens|ajoutez (le|la|les|l en)|mettez (le|la|les|en)|rajoutez (le|la|les))\b|\b(lo|la|li|le|ne) (prendo|compro|prenderei|voglio|ordino|tengo)\b|\b(prendine|prendile|prendili|mettine|aggiungine|resto su)\b)"},
      {K::kChoose, R"(\b(stick|pop|throw|bung|chuck) in (a|an|one|two|the|some)\b|\b(stick|pop|put|throw|bung|chuck|add) (it|them|that|those|this|these|one) (in|into|to|on)\b|\b(add|buy|take|grab|get) (that|this|those|these)( one| ones)?\b|\b(it is|it s|its) (then|that one)\b|\w+ it is( then)?\s*$|\bi ll (stick|stay|go) with\b)"},
      {K::kChoose, R"(\b(je prends|je vais prendre|je choisis|je veux|je voudrais|j aimerais|j achete|je commande|donnez moi|donne moi|mettez moi|mets moi|va pour|ok pour|je pars sur|je me decide pour|ca sera)\b)"},
      // ---- questions
      {K::kQuestion, R"(\?|^((and|so|but|also|ok|okay|then|well|e|et|ma|mais|alors|allora|donc|quindi|puis|bon|beh|e poi) )*(what|whats|which|how|hows|does|do|is|are|can|could|will|would|has|have|where|when|why|who|any|got any)\b)"},
      // A question after a reference: "the football one, how many goals come with it".
      {K::kQuestion, R"(\b(how (many|much|long|big|heavy|tall|old|often|strong|loud|do i|do you|should i|to)|what (size|sizes|colou?rs?)|does it|do they|is it|are they)\b|\b(quant[oiae] (costa|costano|pesa|pesano|dura|durano|e|sono|ha|hanno)|quant[oiae] \w+ (ha|hanno|ci sono|c e)|com e|come sono)\b|\b(combien|est ce qu (il|elle)s?)\b)"},
      {K::kQuestion, R"(^((and|so|but|also|ok|okay|then|well|e|et|ma|mais|alors|allora|donc|quindi|puis|bon|beh|e poi) )*(cosa|che|quale|quali|quanto|quanti|quanta|quante|come|dove|quando|perche|ha|hanno|sono|funziona|funzionano|c e|ci sono|si puo|posso|avete|hai|mi dici)\b)"},
      {K::kQuestion, R"(^((and|so|but|also|ok|okay|then|well|e|et|ma|mais|alors|allora|donc|quindi|puis|bon|beh|e poi) )*(qu est ce|qu est|que|quel|quelle|quels|quelles|combien|comment|est ce|est il|est elle|ou|quand|pourquoi|vous avez|avez vous|y a t il|il y a|ca marche|ca fonctionne|c est)\b|\best ce que\b)"},
      {K::kCompare, R"(\b(difference|differences|differ|compare|comparison|comparing|versus|vs|better than|which (one )?is better|pros and cons|side by side)\b)"},
      {K::kCompare, R"(\b(differenza|differenze|confronta|confronto|confrontare|paragona|paragone|rispetto a|quale (dei due )?e meglio|cosa cambia|che cambia)\b)"},
      {K::kCompare, R"(\b(difference|differences|comparer|compare|comparaison|par rapport (a|au)|lequel est (le )?mieux|laquelle est (la )?mieux|qu est ce qui change)\b)"},
      // "What's it made of?" asks a fact, not which one: "what" only with
      // "one(s)" or "of these".
      {K::kWhich, R"(\b(which( one| ones| of (these|those|them|the two|the three))?|what (one|ones|of (these|those|them|the two|the three))) (is|are|s|has|have|lasts?|costs?|runs?|prints?|weighs?)\b)"},
      {K::kWhich, R"(\b(quale|quali|qual)( dei (due|tre)| di (questi|queste))? (dura|costa|consuma|pesa)\b|\b(quale|quali|qual)( dei (due|tre)| di (questi|queste))? (e|sono|ha|hanno) (\w+ ){0,3}(piu|meno)\b|\b(quale|quali|qual) (dei (due|tre)|di (questi|queste)) (e|sono|ha|hanno)\b)"},
      {K::kWhich, R"(\b(lequel|laquelle|lesquels|lesquelles)( des (deux|trois))? (est|sont|a|ont|dure|coute|consomme|pese)\b|\b(quel|quelle) des (deux|trois) (est|sont|a|ont|dure|coute|consomme|pese)\b|\b(quel|quelle) (est|a) (\w+ ){0,3}(plus|moins)\b)"},
      // ---- store questions
      {K::kAskShipping, R"(\b(shipping|shiping|delivery|deliveries|deliver|ship|shipped|postage|free shipping|how long (does it|will it) take to arrive)\b)"},
      {K::kAskShipping, R"(\b(get it|have it|receive it|get them|have them|get it there|get them there|it get there|they get there) (by |for )?(tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|next day)\b|\bhow (fast|quick|quickly|soon) (will|would|can|could|does|do) (it|they|this|that|you|my order|the order) (get|arrive|come|ship|deliver|be delivered|be here|be there|get here|get there)\b|\bnext day\b|\bexpress\b|\b(l avoir|les avoir|le recevoir|la recevoir|les recevoir|livre|livres|livree|livrees) (d ici |pour )?(demain|lundi|mardi|mercredi|jeudi|vendredi|samedi)\b|\b(averlo|averla|averli|averle|riceverlo|riceverla|riceverli|riceverle|arriva|arrivano) (per |entro )?(domani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato)\b|\bespress[oa]? (consegna|spedizione)\b)"},
      {K::kAskShipping, R"(\b(spedizione|spedizioni|spedite|spedisci|spedito|spese di spedizione|consegna|consegnate|consegne|arriva|arrivano|quanto ci mette)\b)"},
      {K::kAskShipping, R"(\b(livraison|livraisons|livrez|livrer|livre|frais de port|expedition|expediez|envoi|delai)\b)"},
      // "If I order today when would it get here", "quand est-ce que ça arrive ?"
      {K::kAskShipping, R"(\bwhen (would|will|could|does|do|can) (it|they|this|that|these|those|my order|the order|i get it|i get them)( \w+)? (get here|arrive|come|be here|be delivered|reach me)\b|\bwhen (would|will|could|can) i (get|receive|have) (it|them)\b|\bquand\b.*\b(arrive|arrivent|arriver|arrivera|arriveront|recevoir|recevrai|recevrais)\b|\bquando\b.*\b(arriva|arrivano|arriverebbe|arriverebbero|ricevo|riceverei|ricevere)\b)"},
      {K::kAskReturns, R"(\b(return|returns|returning|refund|refunds|exchange|exchanges|send (it|them) back|money back)\b)"},
      // "What happens if the size is wrong?", "et si ça taille mal ?"
      {K::kAskReturns, R"(\b(if|what if) (the |my )?(size|fit) (is|s) (wrong|off|not right)\b|\bif (it|they) (doesn t|don t|does not|do not) fit\b|\bwrong size\b|\bse (la taglia|il numero) non (va|e giusto|e giusta)\b|\bse non (mi |gli |le )?(va|vanno|sta|stanno) bene\b|\bsi (la taille|la pointure) (ne va pas|va pas|n est pas bonne)\b|\bpas la bonne (taille|pointure)\b)"},
      {K::kAskReturns, R"(\b(reso|resi|restituire|restituirl[oiae]|restituisco|restituzione|rimborso|rimborsi|cambio merce|sostituzione|posso cambiarl[oiae]|rendere)\b)"},
      {K::kAskReturns, R"(\b(retour|retours|retourner|retourne|rembourse|remboursez|remboursement|rembourser|echange|echanger|renvoyer|renvoie|le renvoyer|les renvoyer)\b)"},
      {K::kAskHours, R"(\bwhen (is|s) (the |your )?(shop|store) (open|closed)\b|\b(shop|store) hours\b|\bwhat time (is|does) (the |your )?(shop|store) (open|close)\b|\bquando (e|apre|chiude) (aperto )?(il )?negozio\b|\b(il negozio|la bottega) (e )?aperto\b|\b(a quelle heure|quand) (ouvre|ferme|est ouverte?) (la boutique|le magasin)\b|\bla boutique est ouverte\b)"},
      {K::kAskHours, R"(\b(opening hours|business hours|opening times|are you open|when (are|do) you (open|close)|what time do you (open|close)|open on (sunday|saturday|weekends?))\b)"},
      {K::kAskHours, R"(\b(orari|orario di apertura|siete aperti|quando aprite|quando chiudete|a che ora (aprite|chiudete)|aperti (la )?domenica)\b)"},
      {K::kAskHours, R"(\b(horaires|heures d ouverture|etes vous ouverts?|vous etes ouverts?|quand ouvrez|quand fermez|a quelle heure (ouvrez|fermez)|ouverts? le dimanche)\b)"},
      // "ok pay", "pago", "je paye" are checkout; asking how to pay is not.
      {K::kAskPayment, R"(\b(can i|could i|how (do|can) i|do you (take|accept)|is it possible to|ways to) pay\b|\bpay(ing)? (with|by|in|cash|via|using|on delivery)\b|\b(payment|payments|paypal|credit card|debit card|apple pay|google pay|klarna|cash on delivery|installments|bank transfer)\b)"},
      {K::kAskPayment, R"(\b(posso|si puo|come (si )?(puo|posso)?) ?pagare\b|\bpagare (con|in|alla|tramite|a rate|col|contanti)\b|\b(pagamento|pagamenti|carta di credito|bancomat|contrassegno|bonifico|a rate|satispay)\b)"},
      {K::kAskPayment, R"(\b(je peux|on peut|peut on|comment) payer\b|\bpayer (par|en|avec|a la)\b|\b(paiement|paiements|carte bancaire|carte de credit|carte bleue|virement|en plusieurs fois|contre remboursement)\b)"},
      // ---- small talk
      {K::kHello, R"(^(hi|hii|hello|helo|hey|heya|hiya|yo|good (morning|afternoon|evening)|ciao|salve|buongiorno|buon giorno|buonasera|buona sera|bonjour|bonsoir|salut|coucou|bjr)\b)"},
      {K::kThanks, R"(\b(thanks|thank you|thank u|thx|ty|tks|tnx|thanx|cheers|much appreciated|grazie|grazie mille|grz|grazi|merci|mercii|merci beaucoup|mci)\b)"},
      {K::kBye, R"(\b(bye|byebye|goodbye|good bye|see you|see ya|cya|later|arrivederci|a presto|ci vediamo|buona giornata|buona serata|au revoir|a bientot|a plus|bonne journee|bonne soiree)\b)"},
      {K::kAreYouBot, R"(\b(are you|r u|are u|you are|is this|am i talking to|am i chatting with) (a |an |the )?(bot|robot|ai|human|real person|real|person|machine|computer|chatbot|real human)( (o|or|ou) (a |an |un |una |une )?(real |vraie )?(person|human|persona( vera| reale)?|umano|humain|personne|vraie personne))?\b)"},
      {K::kAreYouBot, R"(\b(sei|e|parlo con|sto parlando con|sto scrivendo a|parliamo con) (un |una )?(bot|robot|umano|persona( vera| reale)?|macchina|intelligenza artificiale|ia|chatbot)( (o|or|ou) (a |an |un |una |une )?(real |vraie )?(person|human|persona( vera| reale)?|umano|humain|personne|vraie personne))?\b)"},
      {K::kAreYouBot, R"(\b(tu es|vous etes|c est|t es|t es un|je parle a|je parle avec|je discute avec) (un |une )?(bot|robot|humain|vraie personne|personne|machine|ia|chatbot)( (o|or|ou) (a |an |un |una |une )?(real |vraie )?(person|human|persona( vera| reale)?|umano|humain|personne|vraie personne))?\b)"},
      {K::kWait, R"(^(wait|hold on|hang on|one (moment|sec|second|min|minute)|just a (moment|sec|second|minute)|gimme a (sec|second|minute)|give me a (moment|sec|second|minute)|brb|aspetta|aspetti|un attimo|un momento|un secondo|attendi|attends|attendez|un instant|une seconde|une minute|deux secondes)\b)"},
      {K::kNeverMind, R"(\b(never ?mind|nvm|forget (it|about it)|lascia stare|lascia perdere|lasciamo perdere|fa niente|laisse tomber|laissez tomber|tant pis|oublie ca|oubliez ca)\b)"},
      {K::kFrustration, R"(\b(useless|not helpful|unhelpful|stupid|dumb|idiot|terrible|awful|waste of (my )?time|you don t understand|you dont understand|not understanding|ridiculous|ffs|wtf|annoying|frustrat\w*|this sucks|you suck|pointless)\b)"},
      {K::kFrustration, R"(\b(inutile|non capisci|non hai capito|non capite|non ci capiamo|stupido|stupida|scemo|che schifo|pessimo|assurdo|perdita di tempo|mi fai perdere tempo|non funziona niente|non servi a niente)\b)"},
      {K::kFrustration, R"(\b(c est nul|t es nul|vous etes nuls?|tu ne comprends rien|tu comprends rien|vous ne comprenez rien|ca sert a rien|ca ne sert a rien|debile|ridicule|perte de temps|agacant|enervant|n importe quoi)\b)"},
      {K::kHuman, R"(\b(real person|a person|a human|someone real|an agent|a real agent|operator|customer service|customer support|talk to (someone|somebody|a person|a human|an agent)|speak (to|with) (someone|somebody|a person|a human))\b)"},
      {K::kHuman, R"(\b(operatore|una persona|persona vera|persona reale|un umano|parlare con qualcuno|servizio clienti|assistenza clienti|un commesso)\b)"},
      {K::kHuman, R"(\b(un conseiller|une conseillere|une personne|un humain|un agent|un operateur|parler a quelqu un|service client|vraie personne)\b)"},
      {K::kCorrection, R"(\b(actually|i meant|i mean|no wait|wait no|instead|rather|correction|oops|my bad|sorry i meant|not that)\b)"},
      {K::kCorrection, R"(\b(anzi|cioe|volevo dire|intendevo|piuttosto|invece|in realta|no aspetta|ho sbagliato)\b)"},
      {K::kCorrection, R"(\b(en fait|plutot|je voulais dire|finalement|non attends|je me suis trompe|au lieu)\b)"},
      {K::kNoPreference, R"(\b(no preference|no preferences|no particular|whatever|doesn t matter|does not matter|don t care|dont care|any of them|anyone|any is fine|anything is fine|either( one| is fine)?|up to you|you choose|you pick|surprise me|not important|no idea|don t know|dunno|idk)\b)"},
      {K::kNoPreference, R"(\b(money|price|budget|cost) (is not|isn t|isnt|s not|doesn t matter|does not matter|is no) ?(an |a )?(issue|object|problem|concern|matter)?\b|\bno budget\b|\b(il )?(prezzo|budget) non (e un problema|conta|importa)\b|\b(le )?(prix|budget) (n est pas un probleme|n a pas d importance|importe peu)\b|\bpeu importe le prix\b)", "budget"},
      {K::kNoPreference, R"(\b(any|whatever) colou?rs?\b|\bcolou?rs? (is not|isn t|isnt|doesn t|does not|don t) (important|matter)\b|\b(qualsiasi|qualunque|ogni) colore\b|\b(il )?colore (non (conta|importa|e importante)|e indifferente|indifferente)\b|\bpeu importe (la )?couleur\b|\bn importe quelle couleur\b|\b(toutes les|toute) couleurs?\b|\b(la )?couleur (n a pas d importance|importe peu|m est egale)\b)", "colour"},
      {K::kNoPreference, R"(\b(any|whatever) brands?\b|\bbrands? (is not|isn t|doesn t|does not) (important|matter)\b|\b(qualsiasi|qualunque) marca\b|\b(la )?marca non (conta|importa)\b|\bpeu importe (la )?marque\b|\bn importe quelle marque\b)", "brand"},
      {K::kNoPreference, R"(^(any|anything|either|whatever|anyone|any one)( (is|s|would be) (fine|ok|good))?( \?)?$)"},
      {K::kNoPreference, R"(\b(indifferente|qualsiasi|qualunque|non importa|fa lo stesso|e uguale|uguale|come vuoi|scegli tu|decidi tu|nessuna preferenza|non so|boh|mah|va bene tutto|tutto va bene)\b)"},
      {K::kNoPreference, R"(\b(peu importe|n importe (le|la|lequel|laquelle|quel|quelle|lesquels|lesquelles)|indifferent|pas de preference|aucune preference|c est egal|comme vous voulez|comme tu veux|au choix|choisis|choisissez|je ne sais pas|je sais pas|sais pas|tout me va)\b)"},
      {K::kStartOver, R"(\b(start over|start again|restart|from scratch|begin again|reset|new search|let s start again)\b)"},
      {K::kStartOver, R"(\b(ricominci\w*|da capo|daccapo|ripartiamo|ripartire da zero|nuova ricerca|azzera)\b)"},
      {K::kStartOver, R"(\b(recommenc\w*|on reprend|reprenons|repartir de zero|depuis le debut|a zero|nouvelle recherche)\b)"},
  };
  // clang-format on
  return *patterns;
}

}  // namespace chatcart::converse
