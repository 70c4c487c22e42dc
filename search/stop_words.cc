#include "search/stop_words.h"

namespace kbgen::search {
namespace {

// Function words and question words. Left out on purpose: words that are
// also acronyms or names on these pages ("it", "us", "who", "was" in
// Russian transliteration), and Chinese single characters that start many
// words (上, 中, 下).
constexpr std::string_view kEnglish =
    "a about after again all also am an and any are as at be been before being between both but "
    "by can could did do does doing don during each few for from further had has have having he "
    "her here hers him his how i if in into is its itself just me more most my no nor not of off "
    "on once only or other our ours out over own same she should so some such than that the their "
    "theirs them then there these they this those through to too under until up very we were what "
    "when where which while whom why will with would you your yours";

constexpr std::string_view kFrench =
    "à au aux avec ce ces cet cette comment d dans de des donc dont du elle elles en est et être "
    "eux il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne nos notre nous on ont "
    "ou où par pas peut pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se "
    "ses son sont sur t ta te tes toi ton tu un une vos votre vous y est-ce c";

constexpr std::string_view kSpanish =
    "a al cómo con cual cuál cuales cuáles cuando cuándo de del donde dónde e el ella ellas ellos "
    "en entre es esa esas ese eso esos esta está están estas este esto estos ha han hay la las le "
    "les lo los mi mis muy ni no nos o para pero por porque qué que se sí sin sobre son su sus te "
    "tu tus u un una unas uno unos y ya yo";

constexpr std::string_view kRussian =
    "а без бы был была были было быть в вам вас во вот все всё вы где да для до его ее её ей если "
    "есть же за зачем и из или им их к как какая какие каким каких какой когда кто ко ли мне мы на "
    "над не нет ни но о об он она они оно от по почему при про с со так такое там то тот у что "
    "чтобы эта эти это этот я";

constexpr std::string_view kArabic =
    "أن أنا أو أي أين إلى إن التي الذي الذين ذلك على عن عند في قد كان كانت كل كيف لا لم لماذا لن "
    "ما ماذا متى مع من هذا هذه هل هم هو هي و يا ثم بين بعض نحن";

constexpr std::string_view kChinese =
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 什么 怎么 怎样 如何 哪些 哪个 为什么 有 有关 关于 一个 这 那 这些 "
    "那些 我 我们 你 你们 他们 它 其 对 把 被 从 到 由 为 之 等 也 都 就 还 而 并 但 请 可以 能 要 会 该";

std::vector<std::string_view> Split(std::string_view list) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < list.size();) {
    std::size_t e = list.find(' ', i);
    if (e == std::string_view::npos) e = list.size();
    if (e > i) out.push_back(list.substr(i, e - i));
    i = e + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string_view> StopWordList(std::string_view lang) {
  if (lang == "en") return Split(kEnglish);
  if (lang == "fr") return Split(kFrench);
  if (lang == "es") return Split(kSpanish);
  if (lang == "ru") return Split(kRussian);
  if (lang == "ar") return Split(kArabic);
  if (lang == "zh") return Split(kChinese);
  return {};
}

}  // namespace kbgen::search
