//! Within-document entity resolution: the name mentions that NER found are grouped into
//! entities, each with a canonical name (the longest full name used), its other written forms
//! and the roles the text gives it; short forms, acronyms, nicknames, descriptions and
//! pronouns are linked to them where the link is reliable.
//!
//! - short forms: "Mr Javid", "Javid" → "Sajid Javid" (the most prominent person with that
//!   surname so far whose gender agrees with the honorific);
//! - acronyms: "Federal Bureau of Investigation (FBI)", "the Metropolitan Police (the Met)",
//!   and an acronym whose letters are the initials of exactly one organisation;
//! - nicknames: "known as", "dubbed", "nicknamed", "alias", "also called" link the nickname
//!   wherever it stands, before the definition too;
//! - roles: "Home Secretary Sajid Javid", "Jeff Sessions, the attorney general,",
//!   "Karsland's attorney general, Lucas Varga";
//! - descriptions ("the home secretary") link to the one entity holding that role; pronouns
//!   ("he", "her") to the most salient person of agreeing gender in the last sentences, when no
//!   other candidate comes close.
//!
//! ```
//! let mut doc = dossier_model::Doc::new("d", "Home Secretary Sajid Javid spoke. Mr Javid said he was sure.");
//! dossier_nlp::default_pipeline().run(&mut doc);
//! let e = &doc.entities[doc.mentions[0].entity.unwrap()];
//! assert_eq!(e.name, "Sajid Javid");
//! assert_eq!(e.roles, ["Home Secretary"]);
//! assert!(e.aliases.contains(&"Mr Javid".to_string()));
//! ```

mod cluster;
mod refs;
pub(crate) mod roles;
pub(crate) mod words;

#[cfg(test)]
mod tests;

use crate::pipeline::{Component, Layer};
use dossier_model::{Doc, Entity, EntityType, Mention, MentionKind, Span, TokenKind};
use words::{Gender, View};

/// The entity-resolution pipeline component (`entities`).
pub struct EntityLinker;

impl Component for EntityLinker {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Mentions]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn version(&self) -> String {
        "1".to_string()
    }
    fn process(&self, doc: &mut Doc) {
        link(doc);
    }
}

/// A mention while it is being linked.
#[derive(Debug, Clone)]
pub(crate) struct Work {
    /// The name (or alias, description, pronoun) span.
    pub span: Span,
    /// Its type.
    pub ty: EntityType,
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// How it refers.
    pub kind: MentionKind,
    /// The written form with its honorific ("Mr Javid"), when it has one.
    pub written: Option<Span>,
    /// Gender from its honorific or role noun.
    pub gender: Gender,
    /// Pattern mentions (email, phone, URL) get no entity.
    pub linkable: bool,
    /// The entity, once entities are built.
    pub entity: Option<usize>,
}

/// Per entity, what resolution needs beyond the contract's fields.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntInfo {
    /// Gender evidence: (strength, gender).
    pub gender: (u8, Gender),
    /// Roles as lowercase keys ("home secretary") with their head noun ("secretary").
    pub role_keys: Vec<(String, String)>,
}

/// What prominence needs of one cluster of mentions, kept at its root as clusters join, so
/// that weighing candidates costs no scan of the document's mentions (a scan per candidate took
/// 72% of extracting a 600k-word document).
#[derive(Debug, Clone, Default)]
pub(crate) struct Group {
    /// Start offsets of its linkable mentions, sorted.
    pub starts: Vec<usize>,
    /// Its first linkable mention (by index) with a gender, and that gender.
    pub gender: Option<(usize, Gender)>,
}

impl Group {
    fn of(i: usize, w: &Work) -> Group {
        if !w.linkable {
            return Group::default();
        }
        Group { starts: vec![w.span.start], gender: (w.gender != Gender::Any).then_some((i, w.gender)) }
    }

    /// Takes in `other`'s mentions.
    fn join(&mut self, other: Group) {
        let (mut big, small) = if other.starts.len() > self.starts.len() {
            (other.starts, std::mem::take(&mut self.starts))
        } else {
            (std::mem::take(&mut self.starts), other.starts)
        };
        if small.len() <= 16 {
            for s in small {
                let at = big.partition_point(|&x| x <= s);
                big.insert(at, s);
            }
        } else {
            big.extend(small);
            big.sort_unstable();
        }
        self.starts = big;
        self.gender = match (self.gender, other.gender) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
    }
}

/// The working state of one document.
pub(crate) struct Ctx<'a> {
    pub v: View<'a>,
    pub men: Vec<Work>,
    pub parent: Vec<usize>,
    /// Per cluster root, its [`Group`] (empty elsewhere).
    pub groups: Vec<Group>,
    pub in_quote: Vec<bool>,
    pub ents: Vec<Entity>,
    pub info: Vec<EntInfo>,
    /// The person mentions over each token, for the role rules, which ask it of every name
    /// (built by [`roles::roles`] when the mentions are settled, and read only there: empty
    /// before, and without the mentions that later steps add).
    pub persons: PersonIndex,
}

/// The indices of the person mentions that cover each token, in mention order: a list of ten
/// thousand names asked of each name which mentions it touches took seconds.
#[derive(Default)]
pub(crate) struct PersonIndex {
    /// Where each token's list starts in `list` (one more entry than tokens).
    starts: Vec<u32>,
    list: Vec<u32>,
}

impl PersonIndex {
    pub(crate) fn new(men: &[Work], tokens: usize) -> PersonIndex {
        let persons = || men.iter().enumerate().filter(|(_, m)| m.ty == EntityType::Person && m.b <= tokens);
        let mut starts = vec![0u32; tokens + 1];
        for (_, m) in persons() {
            for k in m.a..m.b {
                starts[k + 1] += 1;
            }
        }
        for k in 0..tokens {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut list = vec![0u32; starts[tokens] as usize];
        for (i, m) in persons() {
            for k in m.a..m.b {
                list[next[k] as usize] = i as u32;
                next[k] += 1;
            }
        }
        PersonIndex { starts, list }
    }

    /// The person mentions over token `k` (none past the text's end).
    pub(crate) fn covering<'m>(&self, men: &'m [Work], k: usize) -> impl Iterator<Item = &'m Work> + use<'m, '_> {
        let range = match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&z)) => a as usize..z as usize,
            _ => 0..0,
        };
        self.list[range].iter().map(move |&i| &men[i as usize])
    }
}

impl<'a> Ctx<'a> {
    /// Every mention a cluster of its own.
    pub(crate) fn new(v: View<'a>, men: Vec<Work>, in_quote: Vec<bool>) -> Ctx<'a> {
        let groups = men.iter().enumerate().map(|(i, w)| Group::of(i, w)).collect();
        Ctx {
            v,
            parent: (0..men.len()).collect(),
            men,
            groups,
            in_quote,
            ents: Vec::new(),
            info: Vec::new(),
            persons: PersonIndex::default(),
        }
    }

    pub(crate) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // the earlier mention stays the root, so clusters keep text order
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
            let g = std::mem::take(&mut self.groups[hi]);
            self.groups[lo].join(g);
        }
    }

    /// Adds a mention (not yet in any cluster); returns its index.
    pub(crate) fn add(&mut self, w: Work) -> usize {
        let i = self.men.len();
        self.groups.push(Group::of(i, &w));
        self.men.push(w);
        self.parent.push(i);
        i
    }

    /// True when mention `i` is a person written "Surname, Given" (an e-mail header's "Hughes,
    /// Nathan"), which links and is named in the order of running text.
    pub(crate) fn reversed_name(&self, i: usize) -> bool {
        let w = &self.men[i];
        w.b - w.a == 3 && w.ty == EntityType::Person && self.v.punct(w.a + 1, b',')
    }

    /// The number of words of mention `i` (not its commas or hyphens).
    pub(crate) fn words(&self, i: usize) -> usize {
        (self.men[i].a..self.men[i].b).filter(|&k| self.v.toks[k].kind == TokenKind::Word).count()
    }

    /// The lowercase text of tokens `a..b`, single-spaced.
    pub(crate) fn norm(&self, a: usize, b: usize) -> String {
        let mut s = String::with_capacity(self.v.toks[b - 1].span.end - self.v.toks[a].span.start);
        for i in a..b {
            if i > a {
                s.push(' ');
            }
            let w = self.v.s(i);
            if w.is_ascii() {
                s.extend(w.bytes().map(|c| char::from(c.to_ascii_lowercase())));
            } else {
                s.extend(w.chars().flat_map(char::to_lowercase));
            }
        }
        s
    }
}

/// Links the mentions of a tokenized, NER-tagged document into entities (see the module
/// documentation). Replaces `doc.entities`; adds alias, nominal and pronoun mentions.
pub fn link(doc: &mut Doc) {
    let mentions = std::mem::take(&mut doc.mentions);
    let (ents, men) = {
        let v = View::new(doc);
        let segs = crate::quotes::marks::find_quotes(&doc.text, &doc.tokens);
        let mut in_quote = vec![false; doc.tokens.len()];
        for s in &segs {
            for q in &mut in_quote[s.open..=s.end_tok()] {
                *q = true;
            }
        }
        let men = initial(&v, &mentions);
        let mut cx = Ctx::new(v, men, in_quote);
        cluster::cluster(&mut cx);
        build(&mut cx);
        roles::roles(&mut cx);
        refs::gender(&mut cx);
        refs::nominals(&mut cx);
        refs::descriptions(&mut cx);
        refs::named_descriptions(&mut cx);
        refs::pronouns(&mut cx);
        (cx.ents, cx.men)
    };
    finish(doc, ents, men);
}

/// The NER mentions as work items, with titles and honorifics the tagger included moved out
/// of the name ("Mr Javid" → "Javid" written "Mr Javid").
fn initial(v: &View, mentions: &[Mention]) -> Vec<Work> {
    use words::f;
    let toks = v.toks;
    let mut out = Vec::with_capacity(mentions.len() + 8);
    let mut k = 0;
    for m in mentions {
        while k < toks.len() && toks[k].span.end <= m.span.start {
            k += 1;
        }
        let mut a = k;
        let mut b = k;
        while b < toks.len() && toks[b].span.start < m.span.end {
            b += 1;
        }
        let linkable = !matches!(m.kind, MentionKind::Pattern) && b > a;
        // "I", "We", "Us" tagged as a name are pronouns ("US" stays: a country)
        if linkable && b - a == 1 && m.ty == EntityType::Person {
            let s = v.s(a);
            if s == "I" || v.info[a].has(f::PRON) && !is_allcaps(s) {
                continue;
            }
        }
        let mut span = m.span;
        let mut written = None;
        let mut gender = Gender::Any;
        let mut ty = m.ty;
        // "Ms Strand" tagged as an organisation, or "Strand" after "Ms" tagged as another name:
        // an honorific makes it a person; not a title that fills a quotation ("Miss Murder", a
        // song; "Madam Secretary", a show), unless a name follows it ("Miss Vance")
        let quote = |i: usize| toks.get(i).is_some_and(|t| t.kind == dossier_model::TokenKind::Quote);
        let title = ty == EntityType::Misc
            && a > 0
            && quote(a - 1)
            && quote(b)
            && !(b - a >= 2 && crate::ner::known_person_word(v.s(a + 1)));
        if linkable
            && ty != EntityType::Person
            && !title
            && (b - a > 1 && v.info[a].has(f::HON) && v.cap(a) && v.cap(a + 1)
                || a > 0 && v.info[a - 1].has(f::HON) && v.cap(a - 1) && v.cap(a))
        {
            ty = EntityType::Person;
        }
        if linkable && ty == EntityType::Person {
            // leading honorifics and titles inside the tagged span
            let mut hon_at = None;
            while b - a > 1 && v.info[a].has(f::HON | f::TITLE) && v.cap(a) {
                if v.info[a].has(f::HON) {
                    hon_at = Some(a);
                }
                a += 1;
            }
            if a > k {
                span = Span::new(toks[a].span.start, m.span.end);
            }
            if hon_at.is_none() && a > 0 && v.info[a - 1].has(f::HON) && v.cap(a - 1) {
                hon_at = Some(a - 1);
            }
            if let Some(h) = hon_at {
                gender = v.info[h].gender();
                written = Some(Span::new(toks[h].span.start, span.end));
            }
        }
        out.push(Work {
            span,
            ty,
            a,
            b,
            kind: if linkable { MentionKind::Name } else { m.kind },
            written,
            gender,
            linkable,
            entity: None,
        });
    }
    out
}

/// Entities from the clusters, in order of first mention: type by vote, canonical name = the
/// longest full name, aliases = the other written forms.
fn build(cx: &mut Ctx) {
    let n = cx.men.len();
    let mut root_ent: Vec<usize> = vec![usize::MAX; n];
    for i in 0..n {
        if !cx.men[i].linkable {
            continue;
        }
        let r = cx.find(i);
        if root_ent[r] == usize::MAX {
            root_ent[r] = cx.ents.len();
            cx.ents.push(Entity {
                ty: cx.men[i].ty,
                name: String::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
            cx.info.push(EntInfo::default());
        }
        let e = root_ent[r];
        cx.men[i].entity = Some(e);
        cx.ents[e].mentions.push(i);
    }
    let text = cx.v.text;
    let edges = cluster::PlaceEdges::of(cx);
    for e in 0..cx.ents.len() {
        let ms = cx.ents[e].mentions.clone();
        // type: a company's name with its legal form decides, then a multi-word person name;
        // else the most frequent type
        let mut votes = [0usize; 4];
        let mut alias_votes = [0usize; 4];
        // the votes of names of two words or more (a person's full name among them when the
        // first is not 0), and whether a word of such a name read as a person's is a given name
        // or a surname the lexicon knows
        let mut long_votes = [0usize; 4];
        let mut person_known = false;
        let mut company = false;
        let mut storm = false;
        let mut place = false;
        let mut defined = None;
        let mut body_named = false;
        let mut placed = false;
        // (a mention the tagger read as a place after a preposition of place, "the station in
        // Harrison"; not after "at", which names a workplace as often, "a producer at Fox")
        let mut read_placed = false;
        for &i in &ms {
            defined = defined.or_else(|| cluster::defined_type(cx, i));
            body_named |= cluster::named_by_body_noun(cx, i);
            let after_preposition = cluster::after_place_preposition(cx, i);
            placed |= after_preposition;
            // (nor a possessive, whose preposition is its noun's: "in Lincoln's cabinet")
            let (a, b) = (cx.men[i].a, cx.men[i].b);
            read_placed |=
                after_preposition && cx.men[i].ty == EntityType::Loc && !cx.v.is(a - 1, "at") && !cx.v.possessive(b);
            company |= cluster::company_name(cx, i);
            storm |= cluster::storm_name(cx, i);
            place |= cluster::said_to_be_place(cx, i);
            let w = &cx.men[i];
            let k = match w.ty {
                EntityType::Person => 0,
                EntityType::Org => 1,
                EntityType::Loc => 2,
                _ => 3,
            };
            // (a short form stands for a name and says less of the type than the name it stands
            // for: the tagger reads a bare acronym as an organisation, "the Affordable Care Act
            // (ACA)"; it votes only where nothing else does)
            if w.kind == MentionKind::Alias {
                alias_votes[k] += 1;
            } else {
                votes[k] += 2 + usize::from(w.kind == MentionKind::Name);
            }
            if w.b - w.a > 1 {
                long_votes[k] += 1;
                person_known |=
                    w.ty == EntityType::Person && (w.a..w.b).any(|j| crate::ner::known_person_word(cx.v.s(j)));
            }
        }
        if votes == [0; 4] {
            votes = alias_votes;
        }
        let best = (0..4).max_by_key(|&k| (votes[k], usize::from(k == 0))).unwrap_or(0);
        // (a person's full name outweighs a stray storm's or place's word: "Alex Higgins, known
        // as Hurricane Higgins"; not a stray reading of a name of two words or more, none of
        // them a known given name or surname, that the tagger reads as something else three
        // times as often: "Classic Lotto" a person once and a game six times)
        let stray = !person_known && 3 * long_votes[0] <= long_votes.into_iter().max().unwrap_or(0);
        let person_full = long_votes[0] > 0 && !stray;
        let ty = if company {
            EntityType::Org
        } else if person_full {
            EntityType::Person
        } else if let Some(ty) = defined.filter(|&t| t == EntityType::Loc || !placed) {
            // (not where the text also writes the name as a place: "Boston is a band from
            // Massachusetts. Boston played in Boston")
            ty
        } else if body_named {
            // (a noun of a body right before one of its mentions: "the band Gigi")
            EntityType::Org
        } else if storm {
            EntityType::Misc
        } else if read_placed && best == 0 {
            // a name the tagger read as a place where the text puts it ("the station in
            // Harrison") is that place, however often it read the name as a person elsewhere
            // ("Harrison had a separate freight house"; a person's full name decided above)
            EntityType::Loc
        } else if best == 0 && cluster::used_only_as_place(cx, &ms, &edges) {
            // a name the tagger read as a person everywhere, which the text uses as a place firmly
            // and never as a person, is a place: "from Harrison to Bridgton Junction", "the spur to Harrison and
            // Bridgton Junction", "the prison in Coleman", "the town of Coleman, Florida"
            EntityType::Loc
        } else if place && votes[3] < votes.iter().sum::<usize>() {
            // (a nationality named only as one stays one: "the Dutch national team")
            EntityType::Loc
        } else {
            [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc][best]
        };
        // canonical name: most words, then most bytes, then earliest (name kinds first; no
        // "Ellery Tower" or headline fragment; "Nathan Hughes" before "Hughes, Nathan")
        let name_i = ms
            .iter()
            .copied()
            .max_by_key(|&i| {
                let w = &cx.men[i];
                (
                    usize::from(w.kind == MentionKind::Name),
                    usize::from(!cluster::not_a_person_name(cx, i) && !cluster::is_initial(cx.v.s(w.b - 1))),
                    cx.words(i),
                    usize::from(!cx.reversed_name(i)),
                    w.b - w.a,
                    w.span.len(),
                    usize::from(!is_allcaps(w.span.of(text))),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(ms[0]);
        let name = clean(cx.men[name_i].span.of(text));
        let full_words = cx.words(name_i);
        let mut aliases: Vec<String> = Vec::new();
        for &i in &ms {
            let shorter = cx.words(i) < full_words;
            let w = &mut cx.men[i];
            w.ty = if w.kind == MentionKind::Name || w.kind == MentionKind::Alias { ty } else { w.ty };
            let form = clean(w.span.of(text));
            let same = form.eq_ignore_ascii_case(&name);
            if w.kind == MentionKind::Name && !same && (shorter || is_acronym(&form)) {
                w.kind = MentionKind::Alias;
            }
            for f in [w.written.map(|s| clean(s.of(text))), (!same).then_some(form)].into_iter().flatten() {
                if !f.eq_ignore_ascii_case(&name) && !aliases.iter().any(|a| a.eq_ignore_ascii_case(&f)) {
                    aliases.push(f);
                }
            }
        }
        let ent = &mut cx.ents[e];
        ent.ty = ty;
        ent.name = name;
        ent.aliases = aliases;
    }
}

/// The gender of each entity of a linked document, as far as its mentions tell: an honorific
/// in an alias ("Mr Novak"), a linked pronoun, a gendered role noun, a listed given name.
/// Organisations, places and other names are neuter.
pub(crate) fn genders(doc: &Doc) -> Vec<Gender> {
    let w = words::words();
    doc.entities
        .iter()
        .map(|e| {
            if e.ty != EntityType::Person {
                return Gender::Neuter;
            }
            let first_word_gender = |s: &str, flag: u64| {
                let inf = w.get(s.split_whitespace().next().unwrap_or(""));
                if inf.has(flag) { inf.gender() } else { Gender::Any }
            };
            for a in &e.aliases {
                let g = first_word_gender(a, words::f::HON);
                if g != Gender::Any {
                    return g;
                }
            }
            for r in &e.roles {
                for word in r.split_whitespace() {
                    let inf = w.get(word);
                    if inf.has(words::f::ROLE | words::f::TITLE) && inf.gender() != Gender::Any {
                        return inf.gender();
                    }
                }
            }
            for &m in &e.mentions {
                let men = &doc.mentions[m];
                if men.kind == MentionKind::Pronoun {
                    let g = w.get(men.span.of(&doc.text)).gender();
                    if g != Gender::Any {
                        return g;
                    }
                }
            }
            w.name_gender(&e.name)
        })
        .collect()
}

/// A name as written, on one line.
pub(crate) fn clean(s: &str) -> String {
    let spaced = s.bytes().any(|b| b.is_ascii_whitespace() || b == 0xC2 || b == 0xE2);
    if spaced && s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  ") {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    }
}

/// True when a word has letters and none of them is lowercase ("BBC", "HANNAH", "A.M.").
pub(crate) fn is_allcaps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// An acronym: 2 to 6 capitals (dots allowed), no lowercase letter.
pub(crate) fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && is_allcaps(s) && !s.contains(' ')
}

/// The document's mentions and entities from the work items: mentions in text order, each
/// entity's mention list pointing into them.
fn finish(doc: &mut Doc, mut ents: Vec<Entity>, men: Vec<Work>) {
    let mut order: Vec<usize> = (0..men.len()).collect();
    order.sort_by_key(|&i| (men[i].span.start, men[i].span.end, i));
    let mut new_index = vec![0usize; men.len()];
    let mut mentions = Vec::with_capacity(men.len());
    for (k, &i) in order.iter().enumerate() {
        new_index[i] = k;
        let w = &men[i];
        mentions.push(Mention { span: w.span, ty: w.ty, entity: w.entity, kind: w.kind });
    }
    for e in &mut ents {
        for m in &mut e.mentions {
            *m = new_index[*m];
        }
        e.mentions.sort_unstable();
    }
    // entities in order of their first mention
    let mut eorder: Vec<usize> = (0..ents.len()).collect();
    eorder.sort_by_key(|&e| ents[e].mentions.first().copied().unwrap_or(usize::MAX));
    let mut enew = vec![0usize; ents.len()];
    for (k, &e) in eorder.iter().enumerate() {
        enew[e] = k;
    }
    for m in &mut mentions {
        if let Some(e) = m.entity {
            m.entity = Some(enew[e]);
        }
    }
    let mut slots: Vec<Option<Entity>> = ents.into_iter().map(Some).collect();
    doc.entities = eorder.iter().map(|&e| slots[e].take().expect("each entity once")).collect();
    doc.mentions = mentions;
}
