// What PostgreSQL's unaccent dictionary does to a character, reduced to what survives mprc_fold():
// only [a-z0-9] outlive its last step, so other output characters are written as a space, and
// characters whose output has no letter or digit (they become a space anyway) are left out.
// An empty replacement deletes the character (combining accents). Derived from the unaccent.rules
// shipped with PostgreSQL 18 (characters that lower() always changes are skipped: they never reach
// unaccent). server/test/cases/name-fold.int-spec.ts compares foldName() with mprc_fold() on every
// character up to U+1FFFF, so a PostgreSQL with different rules is caught by a test.
// Format: entries separated by '|', each one source code point followed by its replacement.
const TABLE =
  'ªa|ºo|¼ 1 4|½ 1 2|¾ 3 4|ßss|àa|áa|âa|ãa|äa|åa|æae|çc|èe|ée|êe|ëe|ìi|íi|îi|ïi|ðd|ñn|òo|óo|ôo|õo|' +
  'öo|øo|ùu|úu|ûu|üu|ýy|þth|ÿy|āa|ăa|ąa|ćc|ĉc|ċc|čc|ďd|đd|ēe|ĕe|ėe|ęe|ěe|ĝg|ğg|ġg|ģg|ĥh|ħh|ĩi|īi|ĭi|' +
  'įi|ıi|ĳij|ĵj|ķk|ĸq|ĺl|ļl|ľl|ŀl|łl|ńn|ņn|ňn|ŉ n|ŋn|ōo|ŏo|őo|œoe|ŕr|ŗr|řr|śs|ŝs|şs|šs|ţt|ťt|ŧt|ũu|' +
  'ūu|ŭu|ůu|űu|ųu|ŵw|ŷy|źz|żz|žz|ſs|ƀb|ƃb|ƈc|ƌd|ƒf|ƕhv|ƙk|ƚl|ƞn|ơo|ƣoi|ƥp|ƫt|ƭt|ưu|ƴy|ƶz|ǆdz|ǉlj|' +
  'ǌnj|ǎa|ǐi|ǒo|ǔu|ǖu|ǘu|ǚu|ǜu|ǟa|ǡa|ǥg|ǧg|ǩk|ǫo|ǭo|ǰj|ǳdz|ǵg|ǹn|ǻa|ȁa|ȃa|ȅe|ȇe|ȉi|ȋi|ȍo|ȏo|ȑr|ȓr|' +
  'ȕu|ȗu|șs|țt|ȟh|ȡd|ȥz|ȧa|ȩe|ȫo|ȭo|ȯo|ȱo|ȳy|ȴl|ȵn|ȶt|ȷj|ȸdb|ȹqp|ȼc|ȿs|ɀz|ɇe|ɉj|ɍr|ɏy|ɓb|ɕc|ɖd|ɗd|' +
  'ɛe|ɟj|ɠg|ɡg|ɦh|ɧh|ɨi|ɫl|ɬl|ɭl|ɱm|ɲn|ɳn|ɼr|ɽr|ɾr|ʂs|ʈt|ʉu|ʋv|ʐz|ʑz|ʝj|ʠq|ʣdz|ʥdz|ʦts|ʪls|ʫlz|ʰh|' +
  'ʲj|ʳr|ʷw|ʸy|ˡl|ˢs|ˣx|\u0300|\u0301|\u0302|\u0303|\u0304|\u0305|\u0306|\u0307|\u0308|\u0309|' +
  '\u030a|\u030b|\u030c|\u030d|\u030e|\u030f|\u0310|\u0311|\u0312|\u0313|\u0314|\u0315|\u0316|' +
  '\u0317|\u0318|\u0319|\u031a|\u031b|\u031c|\u031d|\u031e|\u031f|\u0320|\u0321|\u0322|\u0323|' +
  '\u0324|\u0325|\u0326|\u0327|\u0328|\u0329|\u032a|\u032b|\u032c|\u032d|\u032e|\u032f|\u0330|' +
  '\u0331|\u0332|\u0333|\u0334|\u0335|\u0336|\u0337|\u0338|\u0339|\u033a|\u033b|\u033c|\u033d|' +
  '\u033e|\u033f|\u0340|\u0341|\u0342|\u0343|\u0344|\u0345|\u0346|\u0347|\u0348|\u0349|\u034a|' +
  '\u034b|\u034c|\u034d|\u034e|\u034f|\u0350|\u0351|\u0352|\u0353|\u0354|\u0355|\u0356|\u0357|' +
  '\u0358|\u0359|\u035a|\u035b|\u035c|\u035d|\u035e|\u035f|\u0360|\u0361|\u0362|ᵃa|ᵇb|ᵈd|ᵉe|ᵍg|ᵏk|' +
  'ᵐm|ᵒo|ᵖp|ᵗt|ᵘu|ᵛv|ᵢi|ᵣr|ᵤu|ᵥv|ᵫue|ᵬb|ᵭd|ᵮf|ᵯm|ᵰn|ᵱp|ᵲr|ᵳr|ᵴs|ᵵt|ᵶz|ᵺth|ᵽp|ᶀb|ᶁd|ᶂf|ᶃg|ᶄk|ᶅl|ᶆm|' +
  'ᶇn|ᶈp|ᶉr|ᶊs|ᶌv|ᶍx|ᶎz|ᶏa|ᶑd|ᶒe|ᶓe|ᶖi|ᶙu|ᶜc|ᶠf|ᶻz|ḁa|ḃb|ḅb|ḇb|ḉc|ḋd|ḍd|ḏd|ḑd|ḓd|ḕe|ḗe|ḙe|ḛe|ḝe|ḟf|' +
  'ḡg|ḣh|ḥh|ḧh|ḩh|ḫh|ḭi|ḯi|ḱk|ḳk|ḵk|ḷl|ḹl|ḻl|ḽl|ḿm|ṁm|ṃm|ṅn|ṇn|ṉn|ṋn|ṍo|ṏo|ṑo|ṓo|ṕp|ṗp|ṙr|ṛr|ṝr|ṟr|' +
  'ṡs|ṣs|ṥs|ṧs|ṩs|ṫt|ṭt|ṯt|ṱt|ṳu|ṵu|ṷu|ṹu|ṻu|ṽv|ṿv|ẁw|ẃw|ẅw|ẇw|ẉw|ẋx|ẍx|ẏy|ẑz|ẓz|ẕz|ẖh|ẗt|ẘw|ẙy|ẚa|' +
  'ẜs|ẝs|ạa|ảa|ấa|ầa|ẩa|ẫa|ậa|ắa|ằa|ẳa|ẵa|ặa|ẹe|ẻe|ẽe|ếe|ềe|ểe|ễe|ệe|ỉi|ịi|ọo|ỏo|ốo|ồo|ổo|ỗo|ộo|ớo|' +
  'ờo|ởo|ỡo|ợo|ụu|ủu|ứu|ừu|ửu|ữu|ựu|ỳy|ỵy|ỷy|ỹy|ỻll|ỽv|ỿy|ⁱi|ⁿn|ₐa|ₑe|ₒo|ₓx|ₕh|ₖk|ₗl|ₘm|ₙn|ₚp|ₛs|ₜt|' +
  '₢ r|₣ r |₧ ts|₹ s|\u20dd|\u20de|\u20df|\u20e0|\u20e2|\u20e3|\u20e4|℀a c|℁a s|℅c o|℆c u|ℊg|ℎh|ℓl|' +
  '№ o|℞ x|ℯe|ℴo|ℹi|ⅆd|ⅇe|ⅈi|ⅉj|⅐ 1 7|⅑ 1 9|⅒ 1 10|⅓ 1 3|⅔ 2 3|⅕ 1 5|⅖ 2 5|⅗ 3 5|⅘ 4 5|⅙ 1 6|⅚ 5 6|' +
  '⅛ 1 8|⅜ 3 8|⅝ 5 8|⅞ 7 8|⅟ 1 |ⅰi|ⅱii|ⅲiii|ⅳiv|ⅴv|ⅵvi|ⅶvii|ⅷviii|ⅸix|ⅹx|ⅺxi|ⅻxii|ⅼl|ⅽc|ⅾd|ⅿm|↉ 0 3|' +
  '⑴ 1 |⑵ 2 |⑶ 3 |⑷ 4 |⑸ 5 |⑹ 6 |⑺ 7 |⑻ 8 |⑼ 9 |⑽ 10 |⑾ 11 |⑿ 12 |⒀ 13 |⒁ 14 |⒂ 15 |⒃ 16 |⒄ 17 |' +
  '⒅ 18 |⒆ 19 |⒇ 20 |⒈1 |⒉2 |⒊3 |⒋4 |⒌5 |⒍6 |⒎7 |⒏8 |⒐9 |⒑10 |⒒11 |⒓12 |⒔13 |⒕14 |⒖15 |⒗16 |⒘17 |' +
  '⒙18 |⒚19 |⒛20 |⒜ a |⒝ b |⒞ c |⒟ d |⒠ e |⒡ f |⒢ g |⒣ h |⒤ i |⒥ j |⒦ k |⒧ l |⒨ m |⒩ n |⒪ o |⒫ p |' +
  '⒬ q |⒭ r |⒮ s |⒯ t |⒰ u |⒱ v |⒲ w |⒳ x |⒴ y |⒵ z |ⱡl|ⱥa|ⱦt|ⱨh|ⱪk|ⱬz|ⱱv|ⱳw|ⱴv|ⱸe|ⱺo|ⱼj|〇0|㍱h a|' +
  '㍲da|㍴bar|㍵o |㍶pc|㍷dm|㎀p |㎁n |㎃m |㎄k |㎈cal|㎉kcal|㎊p |㎋n |㎎mg|㎏kg|㎐ z|㎑k z|㎒ z|㎓ z|㎔ z|㎙fm|㎚nm|㎜mm|' +
  '㎝cm|㎞km|㎧m s|㎩ a|㎪k a|㎫ a|㎬ a|㎭rad|㎮rad s|㎰ps|㎱ns|㎳ms|㎴p |㎵n |㎷m |㎸k |㎺p |㎻n |㎽m |㎾k |㏂a m |㏃ q|' +
  '㏄cc|㏅cd|㏆ kg|㏇ o |㏈d |㏉ y|㏊ha|㏌in|㏏kt|㏐lm|㏑ln|㏒log|㏓lx|㏔mb|㏕mil|㏖mol|㏗p |㏘p m |㏛sr|㏜ v|㏝ b|㏞ m|' +
  '㏟ m|ꜳaa|ꜵao|ꜷau|ꜹav|ꜻav|ꜽay|ꝁk|ꝃk|ꝅk|ꝇl|ꝉl|ꝋo|ꝍo|ꝏoo|ꝑp|ꝓp|ꝕp|ꝗq|ꝙq|ꝟv|ꝡvy|ꝥth|ꝧth|ꝱd|ꝲl|ꝳm|ꝴn|' +
  'ꝵr|ꝷt|ꝺd|ꝼf|ꞇt|ꞑn|ꞓc|ꞡg|ꞣk|ꞥn|ꞧr|ꞩs|ﬀff|ﬁfi|ﬂfl|ﬃffi|ﬄffl|ﬅst|ﬆst|０0|１1|２2|３3|４4|５5|６6|７7|８8|９9|' +
  'ａa|ｂb|ｃc|ｄd|ｅe|ｆf|ｇg|ｈh|ｉi|ｊj|ｋk|ｌl|ｍm|ｎn|ｏo|ｐp|ｑq|ｒr|ｓs|ｔt|ｕu|ｖv|ｗw|ｘx|ｙy|ｚz|\u{107a5}q|' +
  '\u{1d41a}a|\u{1d41b}b|\u{1d41c}c|\u{1d41d}d|\u{1d41e}e|\u{1d41f}f|\u{1d420}g|\u{1d421}h|' +
  '\u{1d422}i|\u{1d423}j|\u{1d424}k|\u{1d425}l|\u{1d426}m|\u{1d427}n|\u{1d428}o|\u{1d429}p|' +
  '\u{1d42a}q|\u{1d42b}r|\u{1d42c}s|\u{1d42d}t|\u{1d42e}u|\u{1d42f}v|\u{1d430}w|\u{1d431}x|' +
  '\u{1d432}y|\u{1d433}z|\u{1d44e}a|\u{1d44f}b|\u{1d450}c|\u{1d451}d|\u{1d452}e|\u{1d453}f|' +
  '\u{1d454}g|\u{1d456}i|\u{1d457}j|\u{1d458}k|\u{1d459}l|\u{1d45a}m|\u{1d45b}n|\u{1d45c}o|' +
  '\u{1d45d}p|\u{1d45e}q|\u{1d45f}r|\u{1d460}s|\u{1d461}t|\u{1d462}u|\u{1d463}v|\u{1d464}w|' +
  '\u{1d465}x|\u{1d466}y|\u{1d467}z|\u{1d482}a|\u{1d483}b|\u{1d484}c|\u{1d485}d|\u{1d486}e|' +
  '\u{1d487}f|\u{1d488}g|\u{1d489}h|\u{1d48a}i|\u{1d48b}j|\u{1d48c}k|\u{1d48d}l|\u{1d48e}m|' +
  '\u{1d48f}n|\u{1d490}o|\u{1d491}p|\u{1d492}q|\u{1d493}r|\u{1d494}s|\u{1d495}t|\u{1d496}u|' +
  '\u{1d497}v|\u{1d498}w|\u{1d499}x|\u{1d49a}y|\u{1d49b}z|\u{1d4b6}a|\u{1d4b7}b|\u{1d4b8}c|' +
  '\u{1d4b9}d|\u{1d4bb}f|\u{1d4bd}h|\u{1d4be}i|\u{1d4bf}j|\u{1d4c0}k|\u{1d4c1}l|\u{1d4c2}m|' +
  '\u{1d4c3}n|\u{1d4c5}p|\u{1d4c6}q|\u{1d4c7}r|\u{1d4c8}s|\u{1d4c9}t|\u{1d4ca}u|\u{1d4cb}v|' +
  '\u{1d4cc}w|\u{1d4cd}x|\u{1d4ce}y|\u{1d4cf}z|\u{1d4ea}a|\u{1d4eb}b|\u{1d4ec}c|\u{1d4ed}d|' +
  '\u{1d4ee}e|\u{1d4ef}f|\u{1d4f0}g|\u{1d4f1}h|\u{1d4f2}i|\u{1d4f3}j|\u{1d4f4}k|\u{1d4f5}l|' +
  '\u{1d4f6}m|\u{1d4f7}n|\u{1d4f8}o|\u{1d4f9}p|\u{1d4fa}q|\u{1d4fb}r|\u{1d4fc}s|\u{1d4fd}t|' +
  '\u{1d4fe}u|\u{1d4ff}v|\u{1d500}w|\u{1d501}x|\u{1d502}y|\u{1d503}z|\u{1d51e}a|\u{1d51f}b|' +
  '\u{1d520}c|\u{1d521}d|\u{1d522}e|\u{1d523}f|\u{1d524}g|\u{1d525}h|\u{1d526}i|\u{1d527}j|' +
  '\u{1d528}k|\u{1d529}l|\u{1d52a}m|\u{1d52b}n|\u{1d52c}o|\u{1d52d}p|\u{1d52e}q|\u{1d52f}r|' +
  '\u{1d530}s|\u{1d531}t|\u{1d532}u|\u{1d533}v|\u{1d534}w|\u{1d535}x|\u{1d536}y|\u{1d537}z|' +
  '\u{1d552}a|\u{1d553}b|\u{1d554}c|\u{1d555}d|\u{1d556}e|\u{1d557}f|\u{1d558}g|\u{1d559}h|' +
  '\u{1d55a}i|\u{1d55b}j|\u{1d55c}k|\u{1d55d}l|\u{1d55e}m|\u{1d55f}n|\u{1d560}o|\u{1d561}p|' +
  '\u{1d562}q|\u{1d563}r|\u{1d564}s|\u{1d565}t|\u{1d566}u|\u{1d567}v|\u{1d568}w|\u{1d569}x|' +
  '\u{1d56a}y|\u{1d56b}z|\u{1d586}a|\u{1d587}b|\u{1d588}c|\u{1d589}d|\u{1d58a}e|\u{1d58b}f|' +
  '\u{1d58c}g|\u{1d58d}h|\u{1d58e}i|\u{1d58f}j|\u{1d590}k|\u{1d591}l|\u{1d592}m|\u{1d593}n|' +
  '\u{1d594}o|\u{1d595}p|\u{1d596}q|\u{1d597}r|\u{1d598}s|\u{1d599}t|\u{1d59a}u|\u{1d59b}v|' +
  '\u{1d59c}w|\u{1d59d}x|\u{1d59e}y|\u{1d59f}z|\u{1d5ba}a|\u{1d5bb}b|\u{1d5bc}c|\u{1d5bd}d|' +
  '\u{1d5be}e|\u{1d5bf}f|\u{1d5c0}g|\u{1d5c1}h|\u{1d5c2}i|\u{1d5c3}j|\u{1d5c4}k|\u{1d5c5}l|' +
  '\u{1d5c6}m|\u{1d5c7}n|\u{1d5c8}o|\u{1d5c9}p|\u{1d5ca}q|\u{1d5cb}r|\u{1d5cc}s|\u{1d5cd}t|' +
  '\u{1d5ce}u|\u{1d5cf}v|\u{1d5d0}w|\u{1d5d1}x|\u{1d5d2}y|\u{1d5d3}z|\u{1d5ee}a|\u{1d5ef}b|' +
  '\u{1d5f0}c|\u{1d5f1}d|\u{1d5f2}e|\u{1d5f3}f|\u{1d5f4}g|\u{1d5f5}h|\u{1d5f6}i|\u{1d5f7}j|' +
  '\u{1d5f8}k|\u{1d5f9}l|\u{1d5fa}m|\u{1d5fb}n|\u{1d5fc}o|\u{1d5fd}p|\u{1d5fe}q|\u{1d5ff}r|' +
  '\u{1d600}s|\u{1d601}t|\u{1d602}u|\u{1d603}v|\u{1d604}w|\u{1d605}x|\u{1d606}y|\u{1d607}z|' +
  '\u{1d622}a|\u{1d623}b|\u{1d624}c|\u{1d625}d|\u{1d626}e|\u{1d627}f|\u{1d628}g|\u{1d629}h|' +
  '\u{1d62a}i|\u{1d62b}j|\u{1d62c}k|\u{1d62d}l|\u{1d62e}m|\u{1d62f}n|\u{1d630}o|\u{1d631}p|' +
  '\u{1d632}q|\u{1d633}r|\u{1d634}s|\u{1d635}t|\u{1d636}u|\u{1d637}v|\u{1d638}w|\u{1d639}x|' +
  '\u{1d63a}y|\u{1d63b}z|\u{1d656}a|\u{1d657}b|\u{1d658}c|\u{1d659}d|\u{1d65a}e|\u{1d65b}f|' +
  '\u{1d65c}g|\u{1d65d}h|\u{1d65e}i|\u{1d65f}j|\u{1d660}k|\u{1d661}l|\u{1d662}m|\u{1d663}n|' +
  '\u{1d664}o|\u{1d665}p|\u{1d666}q|\u{1d667}r|\u{1d668}s|\u{1d669}t|\u{1d66a}u|\u{1d66b}v|' +
  '\u{1d66c}w|\u{1d66d}x|\u{1d66e}y|\u{1d66f}z|\u{1d68a}a|\u{1d68b}b|\u{1d68c}c|\u{1d68d}d|' +
  '\u{1d68e}e|\u{1d68f}f|\u{1d690}g|\u{1d691}h|\u{1d692}i|\u{1d693}j|\u{1d694}k|\u{1d695}l|' +
  '\u{1d696}m|\u{1d697}n|\u{1d698}o|\u{1d699}p|\u{1d69a}q|\u{1d69b}r|\u{1d69c}s|\u{1d69d}t|' +
  '\u{1d69e}u|\u{1d69f}v|\u{1d6a0}w|\u{1d6a1}x|\u{1d6a2}y|\u{1d6a3}z|\u{1f100}0 |\u{1f101}0 |' +
  '\u{1f102}1 |\u{1f103}2 |\u{1f104}3 |\u{1f105}4 |\u{1f106}5 |\u{1f107}6 |\u{1f108}7 |\u{1f109}8 |' +
  '\u{1f10a}9 ';

let parsed: Map<string, string> | undefined;

/** The unaccent replacement of one character (a code point), or undefined when it has none. */
export function unaccentChar(ch: string): string | undefined {
  if (!parsed) {
    parsed = new Map();
    for (const entry of TABLE.split('|')) {
      const src = String.fromCodePoint(entry.codePointAt(0)!);
      parsed.set(src, entry.slice(src.length));
    }
  }
  return parsed.get(ch);
}
