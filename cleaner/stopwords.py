"""Small built-in stop-word lists: the function words that make prose read like prose.

The detector only needs a rough share of function words per block (jusText's key feature), so a few
dozen of the most frequent words per language are enough; they are folded to lower case. A language
with a list gets the whole detector (prose told by its function words, link runs inside the
article); languages without one still work: the detector falls back on length and sentence
punctuation.
"""

from __future__ import annotations

ENGLISH = """a about after all also an and are as at be been but by can could for from had has have he her
his i if in into is it its more not of on one or our out said she so than that the their there they this
to was we were what when which who will with would you"""
GERMAN = """aber als am an auch auf aus bei bis das dass dem den der des die ein eine einem einen einer es für
hat ich im in ist mit nach nicht noch nur oder sich sie sind so und von vor war wie wir wird zu zum zur"""
FRENCH = """au aux avec ce ces cette comme dans de des du elle en est et il ils la le les leur mais ne nous
on ou par pas plus pour qu que qui sa se son sont sur un une été était"""
SPANISH = """al como con de del el ella en es esta este fue ha la las le lo los más no o para pero por que se
sin sobre su sus un una y ya"""
ITALIANO = """al alla anche che con da del della di e è gli ha il in la le lo ma nel non per più si sono su
un una"""
PORTUGUESE = """ao as com como da das de do dos e ela ele em foi mais mas na no não o os para pela pelo por
que se sem seu sua um uma é"""
DUTCH = """aan als bij dat de die dit een en er het hij in is met na niet of om ook op te van voor was wat
werd worden zich zijn"""
RUSSIAN = """а без был была были было быть в во вот все всё где да даже для до его ее её если есть еще ещё же за и из
или их к как когда который которые кто ли между мы на над не него нет ни но о об он она они от по под при
про с со так также там то того только уже у чем что чтобы это этого этот эти я
бы будет будут более больше всего всех ей ему им них ней нее неё себя себе свой своей свои своих свою сам
теперь тогда тоже тот тем том той тех эту этой этом этих через после перед может можно которая которое
которой котором которых которым ведь пока лишь однако"""
UKRAINIAN = """або але без був була були було в вже він вона вони все де для до його її їх з за і й коли крім
ми на не ні по після при про та так також те що щоб це цей ці чи як який яка які я у
бо буде бути від вже ж їм ним них нього неї себе свій свою своїх своєї тому того цього цієї цих цим через
перед може можна якого якому якій яких яку ще лише під над між"""
POLISH = """a by był była było być czy dla i ich jak jako jego jej jest już lub na nie o oraz przez
przy się są tak także tego to tylko tym we że który która które
będzie będą gdy gdzie jednak jeszcze jeśli kiedy którzy których którym może można podczas przed pod
sobie tej ten tych według został została zostały zostało"""
CZECH = """a aby až by byl byla bylo být i jak jako jeho její jejich jen již kde když který která které
na nebo než o při se také tak to však že
je za ze od po jsou jsme jsem což ani mezi podle proti před přes pod nad kteří kterou kterým kterých
tento tato toto tyto této tohoto tím bude budou byli byly své svou svého svůj sebe si jí jim ještě
uvedl uvedla řekl řekla"""
ROMANIAN = """a acest această al au care că dar de după este fost în între la mai o pentru prin
sau se sunt și un unei unui
cu nu pe să fi fie fără vor are avea ale lui lor iar însă dacă când cum unde doar către asupra
despre acesta aceste acestea spus"""
SWEDISH = """att de den det detta där efter eller en ett för från har hade i inte jag kan med när och på sig
ska som så till är också
av om mot vid sade säger kommer skulle kunde blev varit vara bli sin sina sitt hans hennes deras
denna dessa mellan utan även"""
DANISH_NORWEGIAN = """at blev de den der det efter eller en er et for fra har hun hvor i ikke jeg kan med når på
seg sig skal som så til ved også
og af av om mot ble blir bliver blitt blevet være været vært vil ville kunne skulle sier siger
sagde sin sine sitt hans hennes hendes deres denne dette disse mellom mellem uten uden
kun mer mere hvis dersom etter"""
TURKISH = """ancak bir daha de değil diye en gibi göre için ile ise kadar olan olarak sonra tarafından veya
çok şu
bu ki ne her ayrıca bunun bunu buna oldu olduğu olduğunu olacak ilk kendi
dedi söyledi belirtti açıkladı etti edildi yapılan ilişkin karşı üzerine"""
INDONESIAN_MALAY = """adalah agar akan anda antara apa atau bagi bahkan bahwa belum bisa bukan dalam dapat dari dengan
di hal harus hanya hingga ini itu jika juga kami kamu karena kepada ketika kita lagi lebih maka masih
mereka namun oleh pada para pun saat saja sangat sebagai secara sehingga semua sendiri seperti setelah
sudah tak tanpa telah tentang tersebut tetapi tidak untuk yang"""

# One set for all languages: the detector asks how much of a block is function words, not which
# language it is in. So the lists leave out words that are also frequent tokens elsewhere, which
# would make an English menu read like prose: Latin-script words of one or two letters that English
# text or its abbreviations hold (`s` and `ve` are what English contractions split into: `Trump's`,
# `we've`; `do`, `va`, `sa`, `ya`), and words such as Swedish `men`, `man`, `var`, `han`, Danish
# `sit`, `mod`, `bare`, Indonesian `dan`, Turkish `ama`, Czech `pro`, Polish, Czech and Romanian
# `ale`, Romanian `din`. Two-letter words no English line holds stay, as they carry much of their
# languages' prose: Danish and Norwegian `og`, `af`, `av`, Czech `je`, `za`, `ze`, `od`, `po`,
# Romanian `cu`, `nu`, `pe`, Turkish `bu`, `ki`.
STOP_WORDS: frozenset[str] = frozenset(
    word
    for words in (ENGLISH, GERMAN, FRENCH, SPANISH, ITALIANO, PORTUGUESE, DUTCH, RUSSIAN, UKRAINIAN, POLISH, CZECH,
                  ROMANIAN, SWEDISH, DANISH_NORWEGIAN, TURKISH, INDONESIAN_MALAY)
    for word in words.split()
)
