"""Common site furniture, one line at a time, between two paragraphs of an article.

The detector takes what stands before or after the article; a furniture line *inside* it (a share
bar, a paywall prompt, an audio player between paragraphs) has to be taken by a rule. Each line
below is printed by a widely used engine, plugin or news template, and each must go without the
article losing a character. The article's paragraphs are in the same language as the line, so the
detector reads them as it would on a real page. Last, two whole pages of common engines go through
the HTML path, where the same furniture comes as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.canonical import paragraphs_of

ARTICLES = {
    "en": [
        "The city council on Tuesday approved a $4.2 billion budget for the coming fiscal year, ending months of debate over police funding and road repairs.",
        "The vote was 9-4, with the mayor's allies joining a group of moderates to pass the plan after a final round of amendments added money for street lighting.",
        "Opponents said the plan did too little to address the shortage of affordable housing, and several said they would push for a special session later this year.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag einen Haushalt von 4,2 Milliarden Euro für das kommende Jahr beschlossen und damit eine monatelange Debatte über die Finanzierung beendet.",
        "Die Abstimmung fiel mit neun zu vier Stimmen aus, nachdem in einer letzten Runde noch Geld für die Straßenbeleuchtung in den östlichen Bezirken hinzugefügt worden war.",
        "Die Opposition kritisierte, dass der Plan zu wenig gegen den Mangel an bezahlbarem Wohnraum unternehme, und kündigte eine Sondersitzung im Herbst an.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi un budget de 4,2 milliards d'euros pour l'année prochaine, mettant fin à des mois de débats sur le financement de la police et du logement.",
        "Le vote a été acquis par neuf voix contre quatre, après une dernière série d'amendements qui ont ajouté des fonds pour l'éclairage des rues dans les quartiers de l'est.",
        "Les opposants ont estimé que le plan ne faisait pas assez contre la pénurie de logements abordables, et plusieurs ont réclamé une session extraordinaire.",
    ],
    "es": [
        "El concejo municipal aprobó el martes un presupuesto de 4.200 millones de euros para el próximo año, poniendo fin a meses de debate sobre la financiación de la policía.",
        "La votación fue de nueve a cuatro, después de una última ronda de enmiendas que añadió dinero para el alumbrado público en los distritos del este de la ciudad.",
        "Los opositores dijeron que el plan hacía muy poco para resolver la escasez de vivienda asequible, y varios pidieron una sesión extraordinaria para este año.",
    ],
    "it": [
        "Il consiglio comunale ha approvato martedì un bilancio di 4,2 miliardi di euro per il prossimo anno, mettendo fine a mesi di discussioni sul finanziamento della polizia.",
        "Il voto è stato di nove a quattro, dopo un ultimo giro di emendamenti che ha aggiunto fondi per l’illuminazione delle strade nei quartieri orientali della città.",
        "L’opposizione ha detto che il piano fa troppo poco contro la mancanza di case a prezzi accessibili, e alcuni consiglieri hanno chiesto una seduta straordinaria.",
    ],
    "pt": [
        "A câmara municipal aprovou na terça-feira um orçamento de 4,2 mil milhões de euros para o próximo ano, pondo fim a meses de debate sobre o financiamento da polícia.",
        "A votação terminou com nove votos a favor e quatro contra, depois de uma última ronda de emendas que acrescentou dinheiro para a iluminação das ruas do leste.",
        "A oposição disse que o plano faz muito pouco contra a falta de habitação a preços acessíveis, e vários vereadores pediram uma sessão extraordinária este ano.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag een begroting van 4,2 miljard euro voor volgend jaar goedgekeurd, na maanden van discussie over de financiering van de politie en de wegen.",
        "De stemming eindigde met negen tegen vier stemmen, na een laatste ronde amendementen die geld toevoegde voor straatverlichting in de oostelijke wijken van de stad.",
        "De oppositie zei dat het plan te weinig doet tegen het tekort aan betaalbare woningen, en enkele raadsleden vroegen om een extra vergadering later dit jaar.",
    ],
    "ru": [
        "Городской совет во вторник утвердил бюджет на следующий год в размере 4,2 миллиарда рублей, завершив многомесячные споры о финансировании полиции и ремонте дорог.",
        "Голосование закончилось со счетом девять против четырех после последнего раунда поправок, которые добавили деньги на уличное освещение в восточных районах города.",
        "Оппозиция заявила, что план почти ничего не делает для решения проблемы нехватки доступного жилья, и потребовала провести внеочередное заседание осенью.",
    ],
    "pl": [
        "Rada miasta przyjęła we wtorek budżet na przyszły rok w wysokości 4,2 miliarda złotych, kończąc wielomiesięczny spór o finansowanie policji i remonty dróg.",
        "Za głosowało dziewięciu radnych, a czterech było przeciw, po tym jak w ostatniej rundzie poprawek dodano pieniądze na oświetlenie ulic we wschodnich dzielnicach.",
        "Opozycja uznała, że plan zbyt mało robi wobec braku tanich mieszkań, i zapowiedziała, że jesienią będzie się domagać nadzwyczajnej sesji rady.",
    ],
    "tr": [
        "Belediye meclisi salı günü gelecek yıl için 4,2 milyar liralık bütçeyi onayladı ve polis ile yol onarımlarının finansmanı üzerine aylardır süren tartışmayı sona erdirdi.",
        "Oylama, son tur değişikliklerle doğu ilçelerindeki sokak aydınlatmasına para eklenmesinin ardından dokuza karşı dört oyla sonuçlandı.",
        "Muhalefet, planın uygun fiyatlı konut sıkıntısını gidermek için çok az şey yaptığını söyledi ve sonbaharda olağanüstü bir oturum yapılmasını istedi.",
    ],
}

FURNITURE = {
    "en": [
        "X",
        "©1996-2019 Ziff Davis, LLC. IGN® is among the federally registered trademarks of IGN Entertainment, Inc.",
        "Support NorthLine",
        "Please Donate to the Spring Fund Drive!",
        "$38,270 raised of $75,000",
        "Help Us Keep Global Inquiry Independent",
        "You can share this story on social media:",
        "Get short URL",
        "Click to see the full-size map",
        "Subscribe to our channels!",
        "When using materials, an active hyperlink to vestivk.ru is mandatory.",
        "The original source of this article is Global Inquiry",
        "Copyright © Luis Armando Quispe, Global Inquiry, 2019",
        "Views: 24,317",
        "Read more by Dana Whitfield",
        "Articles by: Luis Armando Quispe",
        "Comment on Global Inquiry Articles on our Facebook page",
        "8 comments for \"Sanctions and the Medicine Shortage in the Levant\"",
        "Comments are a privilege, not a right. Remember that you agreed to our terms of service when you signed up.",
        "Click to share on Twitter (Opens in new window)",
        "Click to email a link to a friend (Opens in new window)",
        "Like Loading...",
        "Share via Email",
        "Save article",
        "Gift this article",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Listen to this article · 4:12 min",
        "We’re sorry, this feature is currently unavailable. We’re working to restore it. Please try again later.",
        "Scroll to continue with content",
        "Story continues below advertisement",
        "You May Like",
        "Next Up In Science & Health",
        "Latest Apple Headlines",
        "Today’s Headlines",
        "Promoted Stories",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Enter your email",
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
        "This article is for subscribers only.",
        "You have 2 free articles remaining.",
        "Get unlimited access for $1 a week",
        "Image caption The storm hit the coast on Sunday",
        "AP Photo/John Smith",
        "Do Not Sell or Share My Personal Information",
        "Sort by Oldest",
        "Have a news tip? Email us at tips@example.com",
        "If you value our journalism, please consider a donation.",
        "Support independent journalism",
        "Download our app",
        "Reading time: 4 minutes",
        "READ MORE: Heat wave expected to break records this week",
        "Media playback is unsupported on your device",
        "Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn",
        "These are external links and will open in a new window",
        "skip past newsletter promotion",
        "Explore more on these topics",
        "Updated 10:05 AM EDT, Tue May 2, 2023",
        "NEWYou can now listen to Fox News articles!",
        "Promoted Links by Taboola",
        "Your browser does not support the video tag.",
        "Advertisement - Continue Reading Below",
        "Photo illustration by The Verge",
        "Join our WhatsApp channel",
        "Follow us on Google News",
        "Published 1 day ago",
        "Trending Now on NYPost.com",
        "Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Checking your browser before accessing example.com.",
        "Performance & security by Cloudflare",
        "Ray ID: 7d2a8b9c1e3f4a5b",
        "Why do I have to complete a CAPTCHA?",
        "Completing the CAPTCHA proves you are a human and gives you temporary access to the web property.",
        "Cloudflare Ray ID: 4f1a2b3c4d5e6f70 • Your IP: 203.0.113.7 • Performance & security by Cloudflare",
        "Sorry, you have been blocked",
        "You can email the site owner to let them know you were blocked.",
        "Verify you are human by completing the action below.",
        "Reference #18.6a3c1002.1574177225.2c1d2a4",
        "Block reference ID: 5b2c0e4a-0f1e-11ea-9d3a-0242ac120002",
        "Press & Hold to confirm you are a human (and not a bot).",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "Member-only story",
        "Thanks for reading The Daily Brief! Subscribe for free to receive new posts and support my work.",
        "Keep reading with a 7-day free trial",
        "Great! Check your inbox and click the link to confirm your subscription.",
        "* indicates required",
        "You can unsubscribe at any time.",
        "Commenting is disabled for this article.",
        "Add The Hindu as a preferred source on Google",
        "Follow our WhatsApp channel for the latest news.",
        "Listen on Apple Podcasts",
        "Report an error",
        "Reprints & Permissions",
        "Article continues below this ad",
        "Editor's Picks",
        "End of dialog window.",
        "Add a comment...",
        "Tap to unmute",
        "Post navigation",
        "Previous Post Next Post",
        "This material may not be published, broadcast, rewritten, or redistributed. ©2019 FOX News Network, LLC. All rights reserved.",
        "Quotes delayed at least 15 minutes. Real-time quotes provided by BATS BZX Real-Time Price. Market Data provided by Interactive Data.",
        "Data is a real-time snapshot *Data is delayed at least 15 minutes. Global Business and Financial News, Stock Quotes, and Market Data and Analysis.",
        "Intraday Data provided by FACTSET and subject to terms of use. Historical and current end-of-day data provided by FACTSET. All quotes are in local exchange time.",
        "All quotes delayed a minimum of 15 minutes. See here for a complete list of exchanges and delays.",
        "Skip to main content",
        "Toggle navigation",
        "Item 1 of 2 The logo of the company is seen at its headquarters in Veldhoven, Netherlands, January 24, 2024. REUTERS/Piroschka van de Wouw/File Photo",
        "[1/2] The logo of the company is seen at its headquarters in Veldhoven. REUTERS/Piroschka van de Wouw",
        "Sign up here.",
        "Share options",
        "X (formerly Twitter)",
        "About sharing",
        "close panel",
        "Leave a comment",
        "0 Comments",
        "Manage preferences",
        "Reject all",
        "Like this article? Please share it!",
        "FOR IMMEDIATE RELEASE",
        "The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of NJ.com.",
        "Use of and/or registration on any portion of this site constitutes acceptance of our Terms of Use and Privacy Policy",
        "*These statements have not been evaluated by the Food and Drug Administration. These products are not intended to diagnose, treat, cure, or prevent any disease.",
        "AppleInsider has affiliate partnerships and may earn commission on products purchased through affiliate links. These partnerships do not influence our editorial content.",
        "If you buy something through this post, IGN may get a share of the sale. For more, learn more.",
        "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.",
        "There was an error processing your subscription.",
        "Live Science is part of Future US Inc, an international media group and leading digital publisher. Visit our corporate site.",
        "JavaScript is required to load the comments.",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "This site is protected by reCAPTCHA Privacy Policy | Terms of Service",
        "Students address the board during Monday's meeting. (Sentinel photo by Amy Rusk)",
        "Vicente Aguiar loads garage door trims into his pickup truck outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
        "An email with an activation link has just been sent to your email address. Please activate your subscription by clicking on the activation link inside the email.",
        "This video file cannot be played.(Error Code: 102630)",
        "Follow AP's coverage of the elections at https://apnews.com/hub/election-2024",
        "Get the best of our journalism straight to your inbox.",
        "Photo gallery",
        "1 of 12",
        "Next slide",
        "Loading video",
        "Scroll down for video",
        "Video unavailable",
        "Sorry, your browser does not support this video",
        "Download our app for the latest news",
        "Click to expand",
        "Like this:",
        "Sign up for notifications from Insider! Stay up to date with what you want to know.",
        "Allow notifications",
        "Get push notifications with news, features and more.",
        "This article is more than 2 years old",
        "Subscribe to push notifications",
        "Continue reading the main story",
        "Video Ad Feedback",
        "Sponsor Message",
        "Before it's here, it's on the Bloomberg Terminal.",
        "Order Reprints | Today's Paper | Subscribe",
        "Acquire Licensing Rights, opens new tab",
        "Save to my list",
        "Comment on this story",
        "Share on Facebook Share on Twitter",
        "Share this article Share",
        "Log in or create an account to continue reading.",
        "To continue reading, subscribe now.",
        "Subscribe to read",
        "Subscribers only",
        "You've read 3 of 5 free articles this month.",
        "Have a confidential tip for our reporters? Get in Touch",
        "Your support helps us tell the story",
        "Read full article",
        "Get alerts on Politics when a new story is published",
        "Premium content",
        "Create a free account",
        "Register for free",
        "Advertisement · Scroll to continue",
        "Listen to this article · 5 min",
        "Image caption,",
        "Protesters gathered outside city hall on Tuesday evening (Getty Images)",
        "The researchers found even 4,000 steps a day was linked to a lower risk of death. Photograph: Getty Images",
        "Election officials count ballots at a polling station in Lilongwe, Malawi [Thoko Chikondi/AP Photo]",
        "Keep reading\nlist of 2 items\nlist 1 of 2\nZambia's opposition leader arrested ahead of rally\nlist 2 of 2\nMozambique protests enter third week\nend of list",
        "Posted Sun 12 Jan 2025 at 11:45am, updated Sun 12 Jan 2025 at 2:03pm",
        "Telegram",
        "When you purchase through links on our site, we may earn an affiliate commission. Here’s how it works.",
        "Contact me with news and offers from other Future brands",
        "Receive email from us on behalf of our trusted partners or sponsors",
        "Email*",
        "Try unlimited access",
        "Then $75 per month. Complete digital access to quality journalism on any device. Cancel anytime during your trial.",
        "Want to discuss? Please read our Commenting Policy first.",
        "Subscribe and support more than 160 years of independent journalism.",
        "Save",
        "Copy",
        "VIDEO",
        "Click to play video: 'Wildfire forces evacuations in the interior'",
        "READ | Joburg Water shortages: City declares 'water emergency' in five regions",
        "READ: DOH: Dengue cases up 12% nationwide as El Niño hits water supply",
        "FILE PHOTO: A farmer harvests coffee beans at a farm in Dak Lak province, Vietnam",
        "(Image: © NASA/ESA/K. Retherford/SWRI)",
        "Great! You’ve successfully signed up.",
        "Get email notifications on Riley Navarro daily!",
        "Your notification has been saved.",
        "Invalid email",
        "PLEASE TURN OFF YOUR CAPS LOCK.",
        "Keep it Clean. Please avoid obscene, vulgar, lewd, racist or sexually-oriented language.",
        "Powered by Trinity Audio",
        "Produced by Readaloud using AI narration.",
        "Posts from this author will be added to your daily email digest and your homepage feed.",
        "Republish our articles for free, online or in print, under a Creative Commons license.",
        "An official website of the State of Oregon",
        "Was this page helpful?",
        "Story continues below gallery",
        "Read: Gasoline prices are climbing. Here's how high they could go this spring.",
        "Check out: Energy-sector ETFs are cheap. Are they a buy?",
        "Thank you for relying on us to provide the journalism you can trust. Please consider supporting JerseyHub.com with a subscription.",
        "Try 1 month for $1",
        "Only have a minute? Listen instead",
        "News provided by",
        "Media contact: Daniel Reyes, 503-555-0132, press@example.com",
        "Top highlight",
        "View this post on Instagram",
        "A post shared by Maya Castellano (@mayacastellano)",
        "Nyendo market after the renovation. Photo by Masaka Voice",
        "Illustrative image",
        "Heatwave conditions are likely to persist over Odisha till Friday. (Representational)",
        "Bengaluru: Electric buses at a charging station in Yeshwantpur depot (File photo)",
        "Social Sharing",
        "Kindly share this story:",
        "Share this update",
        "Email This Link",
        "Share on X (formerly Twitter)",
        "READ LATER",
        "Republish our content for free",
        "Add a comment",
        "Join the conversation!",
        "Posted by Masaka Voice at 9:41 PM",
        "Follow us",
        "Follow",
        "Sign in",
        "Log in",
        "Published in",
        "Listen to this article",
        "Discover more from The Ledger Line",
        "Over 14,000 subscribers",
        "Full Size",
        "Download",
        "Buy Now",
        "AI-assisted summary",
        "Summary is AI generated, newsroom reviewed.",
        "Quick Reads",
        "Watch Live News:",
        "Show full article",
        "Loading...",
        "Updated - March 12, 2024 09:41 pm IST",
        "Published - March 12, 2024 09:40 pm IST - CHENNAI",
        "Your subscription could not be saved. Please try again.",
        "We have more newsletters",
        "Do you know more or have a similar story? Contact [email protected]",
        "Track Latest News Live on IndiaLive24x7.com and get news updates from India and around the world",
        "Download The Metro Times of India News App for Latest City News.",
        "Our work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
        "Got a confidential news tip? We want to hear from you.",
        "Get this delivered to your inbox, and more info about our products and services.",
        "Forbes Daily: Get our best stories, exclusive reporting and essential analysis of the day’s news in your inbox every weekday.",
        "Skip navigation",
        "Listen 5 min",
        "Share full article",
        "Like this: Like Loading...",
        "Share this: Twitter Facebook",
        "Share Tweet Post Email",
        "Facebook Twitter Flipboard Comments Print Email",
        "Recommended by Outbrain",
        "Ads by Google",
        "AdChoices",
        "Font size A A A",
        "Watch Now",
        "Go to top",
        "Search for:",
        "Subscribe for unlimited access",
        "Since you're here...",
        "Click to follow The Independent",
        "View image in fullscreen",
        "Close dialogue 1/5 Next image Previous image Toggle caption",
        "Hide Caption 1 of 12",
        "Please be respectful when making a comment and adhere to our Community Guidelines.",
        "Show 5 more comments",
        "Sort by: Newest Oldest Most Liked",
        "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
        "JUST WATCHED",
        "MUST WATCH",
        "Replay More Videos ...",
        "Fox News Flash top headlines are here. Check out what's clicking on Foxnews.com.",
        "Share or comment on this article:",
        "Comments 123 Share what you think",
        "The comments below have not been moderated.",
        "The views expressed in the contents above are those of our users and do not necessarily reflect the views of MailOnline.",
        "By posting your comment you agree to our house rules.",
        "Do you want to automatically post your MailOnline comments to your Facebook Timeline?",
        "Send any friend a story",
        "Give this article",
        "As a subscriber, you have 10 gift articles to give each month. Anyone can read what you share.",
        "A version of this article appears in print on Nov. 20, 2019, Section A, Page 1 of the New York edition with the headline: Council Backs Budget. Order Reprints | Today's Paper | Subscribe",
        "Appeared in the November 20, 2019, print edition as 'Council Backs Budget.'",
        "NOW WATCH: Council debates the budget",
        "DON'T MISS: Council approves the transit plan",
        "Visit Business Insider's homepage for more stories.",
        "Vox Media has affiliate partnerships. These do not influence editorial content, though Vox Media may earn commissions for products purchased via affiliate links.",
        "VIDEO 2:31 02:31 Council debates the budget",
        "Forgot your password?",
        "Don't have an account? Sign up",
        "1 2 3 4 5 Next »",
        "Continue to page 2",
        "Available on the App Store",
        "Get it on Google Play",
        "View Comments",
        "Show comments",
        "Hide comments (12)",
        "Share on Facebook Share on Twitter Share via Email",
        "Published: 10:23 EST, 20 November 2019 | Updated: 11:45 EST, 20 November 2019",
        "Updated 1234 GMT (2034 HKT) November 20, 2019",
        "All rights reserved.",
        "Read the original article on Business Insider",
        "Democracy Dies in Darkness",
    ],
    "de": [
        "Letzte Aktualisierung: 20. November 2019, 14:35 Uhr",
        "vor 3 Stunden",
        "Artikel teilen",
        "Artikel merken",
        "Artikel vorlesen lassen",
        "Newsletter abonnieren",
        "Jetzt weiterlesen mit Plus",
        "Sie haben bereits ein Abo? Hier anmelden",
        "Meistgelesen",
        "Zur Startseite",
        "Lesen Sie auch: Wie die Stadt ihre Schulden abbauen will",
        "Die Kommentarfunktion wurde für diesen Artikel deaktiviert.",
        "Fehler gefunden? Jetzt melden.",
        "Artikel drucken",
        "Zum Inhalt springen",
        "Zum Hauptinhalt springen",
        "Direkt zum Inhalt",
        "Navigation umschalten",
        "Menü öffnen",
        "Menü schließen",
        "Sie haben 3 von 5 kostenlosen Artikeln gelesen.",
        "Jetzt registrieren",
        "Kostenlos registrieren",
        "Nur für Abonnenten",
        "Anzeige - Weiter lesen nach der Anzeige",
        "Weiterlesen nach der Anzeige",
        "Auch interessant",
        "Link kopieren",
        "Sie sind hier: Startseite > Politik",
        "Seite 1 von 3",
        "Nächste Seite",
        "Vorherige Seite",
        "Jetzt kommentieren",
        "Kommentar schreiben",
        "Zum Kommentarbereich",
        "Hat Ihnen dieser Artikel gefallen?",
    ],
    "fr": [
        "Dernière mise à jour : 20 novembre 2019 à 14h35",
        "il y a 5 heures",
        "S’inscrire",
        "À lire aussi Grippe aviaire : la vaccination des canards prolongée jusqu’en 2025",
        "Envoyer par e-mail",
        "Partager sur Facebook",
        "Écouter cet article",
        "Abonnez-vous",
        "Déjà abonné ? Se connecter",
        "Cet article est réservé aux abonnés.",
        "Il vous reste 80% de cet article à lire.",
        "Les plus lus",
        "À lire aussi : Comment la ville veut réduire sa dette",
        "Les commentaires sont fermés.",
        "Signaler une erreur",
        "Imprimer l'article",
        "Aller au contenu",
        "Aller au contenu principal",
        "Passer au contenu",
        "Ouvrir le menu",
        "Fermer le menu",
        "Réservé aux abonnés",
        "Article réservé aux abonnés",
        "Créer un compte gratuit",
        "Vous avez lu 3 articles gratuits ce mois-ci.",
        "Lire la suite après cette publicité",
        "Publicité - Lire la suite en dessous",
        "Vous aimerez aussi",
        "Nos articles sur le même thème",
        "Dans la même rubrique",
        "Offrir l’article",
        "Lire plus tard",
        "Réutiliser ce contenu",
        "Voir en plein écran",
        "Il vous reste 58.43% de cet article à lire. La suite est réservée aux abonnés.",
        "Vous êtes ici : Accueil > Politique",
        "Page suivante",
        "Réagir",
        "Commenter cet article",
        "Vous avez aimé cet article ?",
    ],
    "es": [
        "Última actualización: 20 de noviembre de 2019",
        "hace 2 días",
        "Apúntate a nuestra newsletter y recibe en tu correo las últimas noticias sobre Zaragoza.",
        "Te puede interesar: Muere un hombre en el incendio de su vivienda en Huesca",
        "Compartir en Facebook",
        "Escuchar artículo",
        "¿Ya eres suscriptor? Inicia sesión",
        "Este contenido es exclusivo para suscriptores.",
        "Lo más leído",
        "Lee también: Cómo la ciudad quiere reducir su deuda",
        "Los comentarios están cerrados.",
        "Reportar un error",
        "Imprimir artículo",
        "Saltar al contenido",
        "Ir al contenido",
        "Ir al contenido principal",
        "Abrir menú",
        "Cerrar menú",
        "Contenido exclusivo para suscriptores",
        "Solo para suscriptores",
        "Crear una cuenta gratis",
        "Has leído 3 de 5 artículos gratuitos este mes.",
        "Continúa leyendo después de la publicidad",
        "Te recomendamos",
        "Copiar enlace",
        "Lo más visto",
        "Compartir en Bluesky",
        "Ir a los comentarios",
        "Página 2 de 5",
        "¿Te ha gustado este artículo?",
    ],
    "it": [
        "Ultimo aggiornamento: 20 novembre 2019",
        "3 ore fa",
        "2 minuti di lettura",
        "Condividi su Facebook",
        "Iscriviti alla newsletter",
        "Sei già abbonato? Accedi",
        "Questo articolo è riservato agli abbonati.",
        "© RIPRODUZIONE RISERVATA",
        "Ascolta l'articolo",
        "I più letti",
        "I commenti sono chiusi.",
        "Segnala un errore",
        "Stampa l'articolo",
        "Seguici su WhatsApp",
        "Vai al contenuto",
        "Salta al contenuto",
        "Vai al contenuto principale",
        "Apri il menu",
        "Chiudi il menu",
        "Riservato agli abbonati",
        "Contenuto riservato agli abbonati",
        "Continua a leggere dopo la pubblicità",
        "Potrebbe interessarti anche",
        "Ti potrebbe interessare",
        "Riproduzione riservata",
        "Tutti i diritti riservati",
        "Leggi l'articolo completo",
    ],
    "pt": [
        "Última atualização: 20 de novembro de 2019, 14:35",
        "Atualizado há 2 horas",
        "Ver todos os comentários (38)",
        "Receba no seu email as principais notícias do dia",
        "Cadastre-se",
        "Leia mais: Estudo liga uso excessivo de telas a queda no desempenho escolar",
        "Compartilhe no Facebook",
        "Partilhe no Facebook",
        "Assine nossa newsletter",
        "Já é assinante? Faça login",
        "Este conteúdo é exclusivo para assinantes.",
        "Ouça esta reportagem",
        "Mais lidas",
        "Os comentários estão fechados.",
        "Comunicar erro",
        "Imprimir artigo",
        "Ir para o conteúdo",
        "Pular para o conteúdo",
        "Saltar para o conteúdo",
        "Abrir menu",
        "Fechar menu",
        "Exclusivo para assinantes",
        "Conteúdo exclusivo para assinantes",
        "Continua depois da publicidade",
        "Continua após a publicidade",
        "Veja também",
        "Você também pode gostar",
        "Compartilhe:",
        "Agente de saúde durante ação contra o mosquito Aedes aegypti na Zona Leste de São Paulo — Foto: Reprodução/TV Globo",
        "Os comentários não representam a opinião do jornal; a responsabilidade é do autor da mensagem.",
        "Todos os direitos reservados",
        "Leia a matéria completa",
        "Receba notícias no WhatsApp",
        "Ouvir notícia",
    ],
    "nl": [
        "Laatst bijgewerkt op 20 november 2019",
        "2 uur geleden",
        "Delen op Facebook",
        "Schrijf je in voor de nieuwsbrief",
        "Abonneer je nu",
        "Ben je al abonnee? Log in",
        "Dit artikel is alleen voor abonnees.",
        "Beluister dit artikel",
        "Meest gelezen",
        "Reacties zijn gesloten.",
        "Fout gezien? Mail de redactie",
        "Artikel printen",
        "Volg ons op WhatsApp",
        "Naar de inhoud springen",
        "Ga naar de inhoud",
        "Direct naar de inhoud",
        "Menu openen",
        "Menu sluiten",
        "Alleen voor abonnees",
        "Premium artikel",
        "Lees verder na de advertentie",
        "Meer over dit onderwerp",
        "Ook interessant",
        "Delen via",
        "Alle rechten voorbehouden",
        "Lees het volledige artikel",
        "Deel dit artikel",
    ],
    "ru": [
        "5 минут назад",
        "Подпишитесь на нашу вечернюю рассылку — главное за день в одном письме",
        "Подписывайтесь на «Ленту.ру» в Telegram: главные новости дня без лишнего шума",
        "Читайте также: Как город хочет сократить долг",
        "Подписывайтесь на наш канал в Telegram",
        "Подпишитесь на нашу рассылку",
        "Самое читаемое",
        "Новости партнеров",
        "Следите за новостями в нашем Telegram-канале",
        "Перейти к содержимому",
        "Перейти к основному содержанию",
        "Открыть меню",
        "Закрыть меню",
        "Только для подписчиков",
        "Продолжение после рекламы",
        "По теме",
        "ВКонтакте",
        "Одноклассники",
        "Следующая страница",
        "Вы здесь: Главная > Политика",
    ],
    "pl": [
        "2 godziny temu",
        "Zobacz komentarze",
        "3 min czytania",
        "Źródło: Onet",
        "Reklama",
        "Zobacz także: Nowe linie tramwajowe w Krakowie. Kiedy ruszą prace?",
        "Czytaj też: Kina studyjne walczą o widzów",
        "Aktualizacja: 12 czerwca 2024, 11:02",
        "Udostępnij",
        "ZOBACZ: Mapa zamkniętych dróg na Dolnym Śląsku",
        "Fot. Jakub Porzycki / Agencja Gazeta",
        "Wszelkie prawa zastrzeżone",
        "Obserwuj nas na Facebooku",
    ],
    "tr": [
        "2 saat önce",
        "Giriş: 12.06.2024 - 14:35 Güncelleme: 12.06.2024 - 15:02",
        "Son Güncelleme: 02.07.2024 19:21",
        "Fotoğraf: DHA",
        "Bizi Google Haberler'den takip etmek için tıklayın",
        "REKLAM",
        "Güncelleme Tarihi: 03 Eylül 2024 10:24",
        "Paylaş",
        "İLGİLİ HABER: Orman yangınlarına karşı yeni önlemler açıklandı",
        "Haberin Devamı",
        "E-posta",
        "Tüm hakları saklıdır",
        "Haberin tamamını oku",
        "Bültenimize abone olun",
    ],
}

CASES = [(language, line) for language, lines in FURNITURE.items() for line in lines]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize(("language", "line"), CASES, ids=[line[:40] for _, line in CASES])
def test_furniture_between_paragraphs_goes_and_the_article_stays(cleaner: Cleaner, language: str, line: str) -> None:
    first, *rest = ARTICLES[language]
    _assert_a_rule_takes_only(cleaner, line, [first, line, *rest], ARTICLES[language])


def _assert_a_rule_takes_only(cleaner: Cleaner, line: str, document: list[str], article: list[str]) -> None:
    """The line goes, by a rule rather than the detector, and the article loses nothing."""
    result = cleaner.clean("\n".join(document))
    assert result.text == "\n\n".join(article) + "\n"
    (removal,) = result.removed
    assert removal["text"] == line and not removal["rule"].startswith("detect.")


# Furniture that only ever follows the article: its rules read `where = "tail"`, and a line of prose
# length among them (the AP notice) is one the detector would keep as the article's closing paragraph.
TAIL_FURNITURE = [
    "The post City council approves budget appeared first on City News.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
    "— With assistance from Jane Doe",
    "Powered by WordPress | Theme: Newsup by Themeansar.",
    "Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Copyright (C) EnterMedia.co.kr. All right reserved.",
    "新华网版权所有，未经授权不得转载。",
    "記事・写真の無断転載を禁じます。",
    "The contents of this site are ©2019 Capitol Hill Publishing Corp., a subsidiary of News Communications, Inc.",
    "Site contents (c) 2021 Northern Daily Media",
    "Marcus Oyelaran covers transportation and growth for The Piedmont Observer. He previously covered Durham and Chapel Hill for a sister paper.",
    "Myra Pacheco is a MarketLine reporter based in Houston.",
    "Contact Emma Lindqvist at 920-555-0148 or emma@example.com. Follow her on X at @emmalindqvist.",
    "Reach the writer at 402-555-0172 or riley@example.com. On X @RileyNavarroCCJ",
    "Information from The Sports Wire was used in this report.",
    "Leila Haddad does not work for, consult, own shares in or receive funding from any company or organisation that would benefit from this article, and has disclosed no relevant affiliations beyond their academic appointment.",
    "(With inputs from agencies)",
    "With files from Bryce Hoye",
    "(Except for the headline, this story has not been edited by IndiaLive 24x7 staff and is published from a syndicated feed.)",
    "/cb",
    "Dana Whitfield writes on Congress and foreign policy for NoWar Report.",
    "Theme: Environment, Global Economy",
    "Posted in Uncategorized",
]


# Furniture directly above the article: date stamps, bylines, reading times and skip links. Alone
# above the first paragraph, a short line is what the detector keeps as the article's headline, so
# each has to be taken by a rule.
HEAD_FURNITURE = {
    "en": [
        "First published on Tue 12 Mar 2024 10.15 GMT",
        "Last modified on Tue 12 Mar 2024 11.20 GMT",
        "March 12, 2024 / 10:15 AM / Updated 2 hours ago",
        "2024-03-12T10:15:00Z",
        "12 March 2024 • 3 min read",
        "Skip to main content",
    ],
    "de": [
        "Mi., 18.09.2024, 16:45 Uhr",
        "Veröffentlicht am 12.03.2024 um 10:15 Uhr",
        "Um kommentieren zu können, müssen Sie angemeldet sein.",
        "Aktualisiert am 12.03.2024, 10:15 Uhr",
        "Stand: 12.03.2024 10:15 Uhr",
        "3 Min. Lesezeit",
        "Zum Inhalt springen",
    ],
    "fr": [
        "Publié le 12 mars 2024 à 10h15",
        "Publié le 12/03/2024 à 10:15, mis à jour le 12/03/2024 à 11:20",
        "Lecture 3 min.",
        "Aller au contenu",
    ],
    "es": [
        "Sábado, 13 de abril 2024, 00:14 | Actualizado 09:47h.",
        "Publicado el 12 de marzo de 2024 a las 10:15",
        "Actualizado el 12/03/2024 a las 10:15",
        "12 mar 2024 - 10:15 CET",
        "Saltar al contenido",
    ],
    "it": [
        "Pubblicato il 12 marzo 2024 alle 10:15",
        "Aggiornato il 12/03/2024 alle 10:15",
        "di Mario Rossi",
        "Tempo di lettura: 3 minuti",
        "Vai al contenuto",
    ],
    "pt": [
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Publicado em 12/03/2024 às 10h15",
        "Atualizado em 12/03/2024 às 10h15",
        "Ir para o conteúdo",
    ],
    "nl": [
        "Gepubliceerd op 12 maart 2024 om 10:15",
        "Bijgewerkt op 12 maart 2024 om 10:15",
        "Leestijd: 3 minuten",
        "Naar de inhoud springen",
    ],
    "ru": [
        "Опубликовано 12 марта 2024 в 10:15",
        "Обновлено 12.03.2024 10:15",
        "12 марта 2024, 10:15",
        "14:32 14.03.2024 (обновлено: 16:05 14.03.2024)",
        "12:40, 16 октября 2024",
        "Автор: Иван Петров",
        "Время чтения: 3 мин",
        "Перейти к содержимому",
    ],
    "pl": ["12 czerwca 2024, 09:15", "Data utworzenia: 12 czerwca 2024, 09:15"],
    "tr": ["03 Eylül 2024 09:58", "Oluşturulma Tarihi: 03 Eylül 2024 09:58"],
}
HEAD_CASES = [(language, line) for language, lines in HEAD_FURNITURE.items() for line in lines]


@pytest.mark.parametrize(("language", "line"), HEAD_CASES, ids=[line[:40] for _, line in HEAD_CASES])
def test_furniture_above_the_article_goes_by_a_rule(cleaner: Cleaner, language: str, line: str) -> None:
    _assert_a_rule_takes_only(cleaner, line, [line, *ARTICLES[language]], ARTICLES[language])


# A byline or a time stamp under the standfirst (the article's first paragraph), with what
# templates print beside the names: a date stamp, a handle, the desk after a bar. Past the head,
# only `where = "lead"` reaches it; the detector keeps a short line between two paragraphs.
LEAD_FURNITURE = [
    "By Simon Little",
    "Special to The Daily Ledger",
    "Von Katrin Wellmann",
    "Par Claire Roumégous (Perpignan, envoyée spéciale)",
    "By Umair Irfan Updated Nov 13, 2019, 10:28am EST",
    "By Joseph Tsidulko November 19, 2019, 07:47 PM EST",
    "By Chris Pokorny @DawgsByNature Nov 18, 2019, 11:47am EST",
    "By Amy Kuperinsky | NJ Advance Media for NJ.com",
    "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
    "Nov. 20, 2019, 9:28 AM UTC",
    "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
    "Chris Davies - Nov 19, 2019, 10:31 pm CST",
    "• updated: Nov 20 2019, 15:24pm ist",
    "Valencia - 03 jun 2024 - 13:45 CEST",
    "22/05/2024 19h12 Atualizado há 2 horas",
]

# Where a line stands in the English article: after it, or under its standfirst.
PLACES: dict[str, Callable[[list[str], str], list[str]]] = {
    "tail": lambda article, line: [*article, line],
    "lead": lambda article, line: [article[0], line, *article[1:]],
}
PLACED = [("tail", line) for line in TAIL_FURNITURE] + [("lead", line) for line in LEAD_FURNITURE]


@pytest.mark.parametrize(("place", "line"), PLACED, ids=[f"{place}-{line[:40]}" for place, line in PLACED])
def test_furniture_in_its_place_goes_by_a_rule(cleaner: Cleaner, place: str, line: str) -> None:
    _assert_a_rule_takes_only(cleaner, line, PLACES[place](ARTICLES["en"], line), ARTICLES["en"])


# A site's legal footer in each language, and what a full-page scrape holds after it: all of it goes
# with the footer (`copyright.page-end`), a prose-length teaser included.
FOOTERS = {
    "en": "© 2024 The Daily Paper. All rights reserved.",
    "de": "© 2024 Beispiel Verlag GmbH. Alle Rechte vorbehalten.",
    "fr": "© 2024 Le Journal. Tous droits réservés.",
    "es": "© 2024 El Diario. Todos los derechos reservados.",
    "it": "© 2024 Il Giornale. Tutti i diritti riservati.",
    "pt": "© 2024 O Jornal. Todos os direitos reservados.",
    "nl": "© 2024 De Krant. Alle rechten voorbehouden.",
    "ru": "© 2024 Газета. Все права защищены.",
}
AFTER_FOOTER = ["Impressum", "Kontakt", "Die meistgelesenen Artikel der Woche im Überblick und mehr aus der Region für Sie zusammengestellt."]


@pytest.mark.parametrize("language", sorted(FOOTERS))
def test_a_legal_footer_ends_the_page_in_every_language(cleaner: Cleaner, language: str) -> None:
    result = cleaner.clean("\n".join([*ARTICLES[language], FOOTERS[language], *AFTER_FOOTER]))
    assert result.text == "\n\n".join(ARTICLES[language]) + "\n"
    assert [removal["rule"] for removal in result.removed] == ["copyright.page-end"]


# A comment thread after the article, from its heading (a comment count, or the comment form's
# title) to the end: the readers' comments are prose, which the detector alone would keep.
THREADS = {  # language: (heading, comments)
    "de": ("12 Kommentare", [
        "Das ist doch wieder typisch für diese Stadt, die Verwaltung hat seit Jahren nichts begriffen und die Bürger zahlen.",
        "Ich finde den Beschluss richtig, auch wenn er spät kommt, und hoffe, dass die Straßen jetzt endlich repariert werden.",
    ]),
    "fr": ("Commentaires (12)", [
        "C'est toujours la même chose dans cette ville, la mairie ne comprend rien et ce sont les habitants qui paient la note.",
        "Je trouve la décision juste, même si elle arrive tard, et j'espère que les rues seront enfin réparées cette année.",
    ]),
    "es": ("12 comentarios", [
        "Siempre es lo mismo en esta ciudad, el ayuntamiento no entiende nada y los vecinos son los que pagan la cuenta al final.",
        "Me parece una buena decisión, aunque llega tarde, y espero que por fin arreglen las calles de mi barrio este año.",
    ]),
    "it": ("Commenti (12)", [
        "È sempre la stessa storia in questa città, il comune non capisce niente e alla fine sono i cittadini a pagare il conto.",
        "Trovo giusta la decisione, anche se arriva tardi, e spero che finalmente sistemino le strade del mio quartiere quest'anno.",
    ]),
    "pt": ("12 comentários", [
        "É sempre a mesma coisa nesta cidade, a câmara não percebe nada e no fim são os moradores que pagam a conta toda.",
        "Acho a decisão certa, mesmo que chegue tarde, e espero que finalmente arranjem as ruas do meu bairro este ano.",
    ]),
    "nl": ("12 reacties", [
        "Het is altijd hetzelfde in deze stad, de gemeente begrijpt er niets van en uiteindelijk betalen de bewoners de rekening.",
        "Ik vind het een goede beslissing, ook al komt die laat, en ik hoop dat de straten in mijn wijk dit jaar eindelijk worden gemaakt.",
    ]),
    "en": ("3 thoughts on \u201cCity council approves budget\u201d", [
        "This is the same thing every year in this city, the council understands nothing and the residents end up paying for it.",
        "I think the decision is right, even if it comes late, and I hope the streets in my neighbourhood finally get fixed this year.",
    ]),
    "ru": ("Оставить комментарий", [
        "В этом городе всегда одно и то же, мэрия ничего не понимает, а в итоге за все платят жители нашего района.",
        "Считаю решение правильным, хотя оно и запоздало, и надеюсь, что в этом году наконец отремонтируют улицы.",
    ]),
}


@pytest.mark.parametrize("language", sorted(THREADS))
def test_a_comment_thread_goes_with_its_heading_in_every_language(cleaner: Cleaner, language: str) -> None:
    heading, comments = THREADS[language]
    result = cleaner.clean("\n".join([*ARTICLES[language], heading, "Max", comments[0], "Anna", comments[1]]))
    assert result.text == "\n\n".join(ARTICLES[language]) + "\n"
    assert {removal["rule"] for removal in result.removed} == {"comments.thread"}


def test_a_comment_count_under_the_teaser_goes_alone(cleaner: Cleaner) -> None:
    """A count printed above the article, between the teaser and the first paragraph (both prose),
    is a link inside the article: it alone goes, and the article stays whole. Over a short line
    (a picture's caption) it would start the cut before the article: the guard stops it and says so."""
    teaser = "Nach monatelangem Streit hat der Stadtrat den Haushalt beschlossen. Was das für die Bürger bedeutet, erklärt unser Überblick."
    result = cleaner.clean("\n".join(["Haushalt beschlossen", teaser, "134 Kommentare", *ARTICLES["de"]]))
    assert paragraphs_of(result.text) == ["Haushalt beschlossen", teaser, *ARTICLES["de"]]
    assert [(r["rule"], r["text"]) for r in result.removed] == [("comments.thread", "134 Kommentare")]
    assert result.warnings == []
    caption = "Der Rathausplatz am Abend"
    result = cleaner.clean("\n".join(["Haushalt beschlossen", teaser, "134 Kommentare", caption, *ARTICLES["de"]]))
    assert all(paragraph in result.text for paragraph in [teaser, *ARTICLES["de"]])
    assert [(w["code"], w["rule"]) for w in result.warnings] == [("guard", "comments.thread")]


# Teaser lists of other stories, each story's first words cut off with an ellipsis: a ticker above
# the article, a `Recent Posts` widget after it (title, excerpt, date), in the forms engines print.
EXCERPT_RUNS = {
    "ticker above": ([
        "UN regrets new US position on settlements UNITED NATIONS: The Secretary General has regretted the an...",
        "Schools in the valley reopen NEW DELHI: All schools and colleges are now open and there is 98 per cent...",
        "PM must intervene, says Congress NEW DELHI: The Congress on Wednesday demanded that the Prime Minister...",
    ], True),
    "posts after": ([
        "Council approves the budget",
        "The city council approved next year's budget on Tuesday after a long debate over […]",
        "Nov 18, 2019",
        "New bridge opens to traffic",
        "The bridge across the river opened to traffic this morning, and the first drivers […]",
        "Nov 17, 2019",
        "Library extends its hours",
        "Starting next month the central library will stay open until nine on weeknights (...)",
    ], False),
    "auszüge danach": ([
        "Der Stadtrat hat den Haushalt für das kommende Jahr nach langer Debatte beschlossen und …",
        "Die neue Brücke über den Fluss ist seit heute Morgen für den Verkehr freigegeben, die ersten…",
        "Die Stadtbibliothek bleibt ab dem nächsten Monat an Wochentagen bis neun Uhr geöffnet, wie…",
    ], False),
}


@pytest.mark.parametrize("name", sorted(EXCERPT_RUNS))
def test_a_run_of_cut_off_teasers_goes_with_its_titles(cleaner: Cleaner, name: str) -> None:
    teasers, above = EXCERPT_RUNS[name]
    article = ARTICLES["de" if name.startswith("auszüge") else "en"]
    document = [*teasers, *article] if above else [*article, *teasers]
    result = cleaner.clean("\n".join(document))
    assert result.text == "\n\n".join(article) + "\n"
    (removal,) = result.removed  # one span: the teasers, with the titles and dates between them
    assert removal["rule"] == "related.excerpts" and removal["text"] == "\n".join(teasers)


def test_paragraphs_of_the_article_that_trail_off_stay(cleaner: Cleaner) -> None:
    """Two such paragraphs together, or one alone, are no teaser list."""
    trailing = [
        "She said the council had waited, and waited, and then the money finally came through...",
        "And then nothing happened for a very long time, and everyone went home tired…",
    ]
    article = ARTICLES["en"]
    for document in ([article[0], *trailing, *article[1:]], [article[0], trailing[0], article[1], trailing[1], article[2]]):
        result = cleaner.clean("\n".join(document))
        assert result.text == "\n\n".join(document) + "\n"


def test_teasers_that_outweigh_the_article_stay_with_a_warning(cleaner: Cleaner) -> None:
    """Cut-off paragraphs holding most of the prose: the guard keeps them and says so."""
    teasers = [f"{line} It went on for a while and said much more than a teaser ever would before it..."
               for line in EXCERPT_RUNS["ticker above"][0]]
    result = cleaner.clean("\n".join([*teasers, *ARTICLES["en"]]))
    assert all(paragraph in result.text for paragraph in [*teasers, *ARTICLES["en"]])
    assert [(w["code"], w["rule"]) for w in result.warnings] == [("guard", "related.excerpts")]


# Cloudflare's bot check as a scraper saves it in place of the page it guards.
BOT_CHECK_PAGE = [
    "Attention Required! | Cloudflare",
    "Please complete the security check to access www.example.com",
    "Why do I have to complete a CAPTCHA?",
    "Completing the CAPTCHA proves you are a human and gives you temporary access to the web property.",
    "What can I do to prevent this in the future?",
    "If you are on a personal connection, like at home, you can run an anti-virus scan on your device to make sure it is not infected with malware.",
    "If you are at an office or shared network, you can ask the network administrator to run a scan across the network looking for misconfigured or infected devices.",
    "Another way to prevent getting this page in the future is to use Privacy Pass. You may need to download version 2.0 now from the Chrome Web Store.",
    "Cloudflare Ray ID: 4f1a2b3c4d5e6f70 • Your IP: 203.0.113.7 • Performance & security by Cloudflare",
]


def test_a_page_that_is_nothing_but_a_bot_check_keeps_its_text_and_says_so(cleaner: Cleaner) -> None:
    """The guard cannot tell a page of bot-check prose from an article: it keeps the text, and its
    warning names the rule, which is how a corpus finds the pages it scraped in vain."""
    result = cleaner.clean("\n".join(BOT_CHECK_PAGE))
    *text, ray_id = BOT_CHECK_PAGE  # the detector reads the Ray ID line as the page's footer
    assert result.text == "\n\n".join(text) + "\n"
    assert [(removal["rule"], removal["text"]) for removal in result.removed] == [("detect.tail", ray_id)]
    assert [(w["code"], w["rule"]) for w in result.warnings] == [("guard", "captcha.prompt")]


def test_a_bot_check_inside_a_page_goes_and_the_article_stays(cleaner: Cleaner) -> None:
    first, *rest = ARTICLES["en"]
    result = cleaner.clean("\n".join([first, *BOT_CHECK_PAGE[2:4], *rest]))
    assert result.text == "\n\n".join(ARTICLES["en"]) + "\n"
    assert {removal["rule"] for removal in result.removed} == {"captcha.prompt"}


# Whole pages of two common engines, written the way their default themes write them: the
# WordPress page with Jetpack's share, like and related-post widgets, a comment form with Akismet,
# post navigation, a sidebar and a footer; the Blogger page with its share buttons, labels, comment
# link, pager, feed link, archive and attribution.
PAGES = Path(__file__).parent / "pages"
PAGE_ARTICLES = {
    "wordpress.html": [
        "The city council on Tuesday approved a $4.2 billion budget for the coming fiscal year, ending months of debate over police funding, housing programs and road repairs that had divided members.",
        "The vote was 9-4, with the mayor's allies joining a group of moderates to pass the plan after a final round of amendments added money for street lighting in the eastern districts.",
        "\"This is a budget that reflects what residents told us they wanted,\" the council president said after the vote, adding that the city would hold hearings on the next budget starting in the fall.",
        "Opponents said the plan did too little to address the shortage of affordable housing, and several said they would push for a special session later in the year.",
    ],
    "blogger.html": [
        "The new flood barrier along the river road was finished on Monday, two weeks ahead of schedule, after crews worked through the weekend to pour the last sections of concrete.",
        "The barrier, which cost 3.2 million euros, is designed to hold back water up to two metres above the record level of the 2013 flood that damaged more than four hundred homes.",
        "Residents of the lower town said they were relieved, but several asked the council to look again at the drains, which they said had backed up during the storms last month.",
    ],
}


@pytest.mark.parametrize("name", sorted(PAGE_ARTICLES))
def test_a_common_engines_page_keeps_only_its_article(cleaner: Cleaner, name: str) -> None:
    source = (PAGES / name).read_text(encoding="utf-8")
    result = cleaner.clean(source, format="html")
    assert result.text == "\n\n".join(PAGE_ARTICLES[name]) + "\n"
    assert not result.warnings
    assert all(r["rule"] and source[r["start"]:r["end"]] == r["text"] for r in result.removed)
