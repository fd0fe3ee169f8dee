//! Cross-document entity resolution: which case entity a document's entity is.
//!
//! Pure logic, no storage, so every backend resolves the same way. Candidates come from
//! blocking keys (a folded name, a person's folded surname), never from comparing all pairs,
//! so the cost grows with the case near-linearly. People match when their surnames agree and
//! their given names are compatible (equal, an initial, a nickname, a one-letter spelling
//! variant); "Bill Clinton" and "Hillary Clinton" stay apart, and a bare "Clinton" goes to the
//! Clinton with the most mentions. Organisations, places and other names match on any of their
//! folded names or aliases ("U.S." = "US" = "United States" through a short equivalence list).

use dossier_model::EntityType;
// The resolver hashes every name and id of every document on the writer thread: SipHash (the
// default) took about 5% of the writer's time. foldhash is faster and still seeded per process.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// A case entity's id.
pub type EntityId = i64;

/// Lowercase ASCII letters and digits of a name, words separated by one space: diacritics,
/// transliteration marks, dots and apostrophes dropped, hyphens joined ("El-Sheikh" = "Elsheikh").
pub fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(ascii.len());
    let mut space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_whitespace() || c == ',' || c == '/' || c == '(' || c == ')' || c == '&' {
            space = true;
        }
        // '.', '\'', '-' and other marks vanish: "U.S." = "US", "O'Brien" = "OBrien".
    }
    out
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "president",
    "senator",
    "sen",
    "gov",
    "governor",
    "rep",
    "representative",
    "secretary",
    "minister",
    "general",
    "gen",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "det",
    "detective",
    "chief",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "father",
    "sheikh",
    "mayor",
    "premier",
    "chancellor",
    "inspector",
    "officer",
    "lt",
    "major",
    "maj",
    "adm",
    "admiral",
    "st",
    "saint",
    "the",
    "former",
    "late",
];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "junior", "senior"];

/// Equivalent short and long forms of frequent names (folded).
const EQUIVALENTS: &[&[&str]] = &[
    &["united states", "us", "usa", "united states of america", "america"],
    &["united kingdom", "uk", "britain", "great britain"],
    &["united nations", "un"],
    &["european union", "eu"],
    &["united arab emirates", "uae"],
    &["soviet union", "ussr"],
    &["north korea", "dprk"],
    &["democratic party", "democrats"],
    &["republican party", "republicans", "gop"],
];

/// Given names that are the same name.
const NICKNAMES: &[&[&str]] = &[
    &["william", "bill", "billy", "will"],
    &["robert", "bob", "bobby", "rob"],
    &["richard", "dick", "rick", "richie"],
    &["james", "jim", "jimmy", "jamie"],
    &["john", "jack", "johnny", "jon"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["elizabeth", "liz", "beth", "betty", "lizzie"],
    &["margaret", "maggie", "meg", "peggy"],
    &["katherine", "catherine", "kate", "kathy", "cathy", "katie"],
    &["thomas", "tom", "tommy"],
    &["michael", "mike", "mick"],
    &["joseph", "joe", "joey"],
    &["charles", "charlie", "chuck"],
    &["alexander", "alex", "sasha"],
    &["christopher", "chris"],
    &["daniel", "dan", "danny"],
    &["david", "dave"],
    &["anthony", "tony"],
    &["benjamin", "ben"],
    &["nicholas", "nick"],
    &["samuel", "sam"],
    &["stephen", "steven", "steve"],
    &["timothy", "tim"],
    &["patricia", "pat", "patty"],
    &["jennifer", "jen", "jenny"],
    &["theodore", "teddy"],
    &["donald", "don"],
    &["ronald", "ron"],
    &["gerald", "gerry", "jerry"],
    &["lawrence", "larry"],
    &["hillary", "hilary"],
    &["rudolph", "rudy", "rudolf"],
    &["frederick", "fred", "freddy", "freddie"],
    &["andrew", "andy", "drew"],
    &["matthew", "matt"],
    &["peter", "pete"],
    &["gregory", "greg"],
    &["jeffrey", "jeff", "geoffrey"],
    &["philip", "phil", "phillip"],
    &["kenneth", "ken", "kenny"],
    &["henry", "hank", "harry"],
    &["susan", "sue", "susie"],
    &["deborah", "debbie", "deb", "debra"],
    &["albert", "al", "bert"],
    &["raymond", "ray"],
    &["vincent", "vince"],
    &["abraham", "abe"],
    &["zachary", "zach"],
];

/// The word lists above as hash sets and maps. The resolver asks them for every candidate it
/// weighs (a full name is compared with each person who shares its surname), and a linear
/// scan of the lists was a tenth of the writer's time at 10k generated documents.
struct Lists {
    titles: HashSet<&'static str>,
    suffixes: HashSet<&'static str>,
    /// Form → the long form of its equivalence group.
    equivalents: HashMap<&'static str, &'static str>,
    /// Given name → its nickname group.
    nicknames: HashMap<&'static str, usize>,
}

static LISTS: std::sync::LazyLock<Lists> = std::sync::LazyLock::new(|| Lists {
    titles: TITLES.iter().copied().collect(),
    suffixes: SUFFIXES.iter().copied().collect(),
    equivalents: EQUIVALENTS.iter().flat_map(|g| g.iter().map(|f| (*f, g[0]))).collect(),
    nicknames: NICKNAMES.iter().enumerate().flat_map(|(i, g)| g.iter().map(move |n| (*n, i))).collect(),
});

/// A person's name taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Folded given name, if the name has more than one word.
    pub given: Option<String>,
    /// Folded surname (hyphen and space parts joined: "de la Cruz" = "delacruz").
    pub surname: String,
    /// "jr", "ii", ...
    pub suffix: Option<String>,
    /// Folded middle names or initials ("George H.W. Bush" → "hw").
    pub middle: Option<String>,
}

/// Takes a person's name apart; `None` when nothing name-like is left.
pub fn person_name(name: &str) -> Option<PersonName> {
    let folded = fold(name);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let lists = &*LISTS;
    while words.len() > 1 && lists.titles.contains(words[0]) {
        words.remove(0);
    }
    // A trailing initial is no surname ("Donald J.").
    while words.len() > 1 && words.last().is_some_and(|w| w.len() == 1) {
        words.pop();
    }
    let mut suffix = None;
    if words.len() > 1 && lists.suffixes.contains(words.last()?) {
        suffix = words.pop().map(|s| match s {
            "junior" => "jr".to_string(),
            "senior" => "sr".to_string(),
            s => s.to_string(),
        });
    }
    if words.is_empty() {
        return None;
    }
    // Surname particles belong to the surname: "Ana de la Cruz", "Osama bin Laden".
    let mut start = words.len() - 1;
    while start > 1
        && matches!(
            words[start - 1],
            "de" | "la"
                | "del"
                | "van"
                | "von"
                | "der"
                | "bin"
                | "al"
                | "el"
                | "di"
                | "da"
                | "le"
                | "du"
                | "ibn"
                | "abu"
                | "dos"
                | "das"
                | "ter"
                | "ten"
        )
    {
        start -= 1;
    }
    let surname = words[start..].concat();
    let given = if start > 0 { Some(words[0].to_string()) } else { None };
    let middle = (start > 1).then(|| words[1..start].concat());
    Some(PersonName { given, surname, suffix, middle })
}

/// True when `name` is one word that is no title ("Veloria", not "Mr Veloria" or "Sen.").
fn bare_word(name: &str) -> bool {
    let f = fold(name);
    !f.is_empty() && !f.contains(' ') && !LISTS.titles.contains(f.as_str())
}

/// Levenshtein distance over bytes (folded names are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.as_bytes().iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let next = (diag + usize::from(ca != b[j])).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Consonant skeleton after the first letter: "mohammed", "muhammad" and "mohamed" agree.
fn skeleton(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && "aeiouyh".contains(c) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

fn nickname_group(s: &str) -> Option<usize> {
    LISTS.nicknames.get(s).copied()
}

/// Whether two folded given names can name the same person.
pub fn given_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // An initial ("J. Smith" folds to "j smith").
    if (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b)) {
        return true;
    }
    if let (Some(x), Some(y)) = (nickname_group(a), nickname_group(b)) {
        return x == y;
    }
    // Spelling variants: one edit in a name of six letters or more, two in eight or more
    // (shorter names differ by one letter too often: Ivana/Ivanka, Eric/Erica, Jane/Joan).
    let short = a.len().min(b.len());
    let close = match short {
        0..=5 => false,
        6..=7 => edit_distance(a, b) <= 1,
        _ => edit_distance(a, b) <= 2,
    };
    close || (short >= 6 && skeleton(a) == skeleton(b))
}

/// Whether two full names can name the same person: same surname and suffix, compatible
/// given names, and no disagreeing middle initials ("George H.W. Bush" is not "George W. Bush").
pub fn same_person(p: &PersonName, q: &PersonName) -> bool {
    let middle_ok = match (&p.middle, &q.middle) {
        (Some(a), Some(b)) => a == b || a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
        _ => true,
    };
    p.surname == q.surname
        && p.suffix == q.suffix
        && middle_ok
        && match (&p.given, &q.given) {
            (Some(a), Some(b)) => given_compatible(a, b),
            _ => true,
        }
}

/// Keys under which a non-person name is found: the folded name without a leading "the", and
/// the equivalent forms of the list.
pub fn name_keys(name: &str) -> Vec<String> {
    let f = fold(name);
    let f = f.strip_prefix("the ").map(str::to_string).unwrap_or(f);
    if f.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![f.clone()];
    // "Us" the pronoun is not "US" the country.
    let pronoun = f == "us" && name.chars().any(|c| c.is_lowercase());
    if !pronoun && let Some(long) = LISTS.equivalents.get(f.as_str()) {
        keys.push(long.to_string());
    }
    keys.dedup();
    keys
}

/// The key a person's name is found under: given name and surname, without titles.
pub fn person_key(p: &PersonName) -> String {
    let mut k = p.given.clone().map(|g| g + " ").unwrap_or_default();
    k.push_str(&p.surname);
    if let Some(s) = &p.suffix {
        k.push(' ');
        k.push_str(s);
    }
    k
}

/// Keys of a name of type `ty`.
pub fn keys_of(ty: EntityType, name: &str) -> Vec<String> {
    Form::of(ty, name).keys
}

/// The canonical key of a name: the long form of an equivalence, else the folded name.
pub fn canonical_key(ty: EntityType, name: &str) -> Option<String> {
    keys_of(ty, name).pop()
}

/// One written form of a name taken apart once: its person name (people only) and its keys.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// The person's name, for a person's form that has one.
    pub person: Option<PersonName>,
    /// Its keys ([`keys_of`]).
    pub keys: Vec<String>,
}

impl Form {
    /// The form `name` of an entity of type `ty`.
    pub fn of(ty: EntityType, name: &str) -> Form {
        if !is_person(ty) {
            return Form { person: None, keys: name_keys(name) };
        }
        let person = person_name(name);
        let keys = person.as_ref().map(|p| vec![person_key(p)]).unwrap_or_default();
        Form { person, keys }
    }

    /// Its canonical key ([`canonical_key`]).
    pub fn canonical(&self) -> Option<&String> {
        self.keys.last()
    }
}

/// A document entity's name and aliases as [`Form`]s: taken apart once, on an ingest worker,
/// rather than again at each step of the resolution.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    /// The canonical name's.
    pub name: Form,
    /// The aliases', in their order.
    pub aliases: Vec<Form>,
}

impl Forms {
    /// The forms of `e`.
    pub fn of(e: &DocEntity) -> Forms {
        Forms { name: Form::of(e.ty, &e.name), aliases: e.aliases.iter().map(|a| Form::of(e.ty, a)).collect() }
    }

    /// Every key of the name and aliases, once each, in order.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for key in std::iter::once(&self.name).chain(&self.aliases).flat_map(|f| &f.keys) {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
        keys
    }
}

/// Person, or a kind of name that is matched by its forms.
fn is_person(ty: EntityType) -> bool {
    ty == EntityType::Person
}

/// Types that resolve together: names of places, organisations and other things are often
/// tagged differently from one document to the next ("Veloria" the state, "Veloria" the place).
fn same_family(a: EntityType, b: EntityType) -> bool {
    is_person(a) == is_person(b) && !is_address(a) || a == b
}

/// An e-mail address, a phone number or a URL: matched on its own type only.
fn is_address(ty: EntityType) -> bool {
    matches!(ty, EntityType::Email | EntityType::Phone | EntityType::Url)
}

/// One document's entity, as the resolver sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntity {
    /// Its id in the document ("E3").
    pub local: String,
    /// Type.
    pub ty: EntityType,
    /// Canonical name in the document.
    pub name: String,
    /// Other forms in the document.
    pub aliases: Vec<String>,
    /// Roles in the document.
    pub roles: Vec<String>,
    /// Mentions in the document.
    pub mentions: u32,
}

/// What the resolver knows of a case entity.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Written forms with their mention counts.
    pub names: HashMap<String, u64>,
    /// Mention counts per type.
    pub types: HashMap<EntityType, u64>,
    /// Full person names seen (two words or more).
    pub persons: Vec<PersonName>,
    /// Mentions over the case.
    pub mentions: u64,
    /// Forms a curator added.
    pub curated: Vec<String>,
    /// The name and type last written to the store, to write only changes.
    pub stored: Option<(String, EntityType)>,
    /// Made by a curator (a split): never absorbed automatically.
    pub fixed: bool,
}

impl Known {
    /// The type most of its mentions have.
    pub fn ty(&self) -> EntityType {
        self.types
            .iter()
            .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
            .map(|(t, _)| *t)
            .unwrap_or(EntityType::Misc)
    }

    /// A person (by most mentions, and not made by a curator) that also has mentions tagged
    /// as a place or body: a bare word joined across the two.
    fn took_in_other_types(&self) -> bool {
        self.ty() == EntityType::Person && !self.fixed && self.has_other_types()
    }

    /// True when some of its mentions were tagged as something other than a person.
    fn has_other_types(&self) -> bool {
        self.types.iter().any(|(t, &n)| !is_person(*t) && n > 0)
    }

    /// A person known by one bare word alone (no full name, no title, nothing a curator did):
    /// what a place or body of that word may turn out to be.
    fn is_bare_person(&self) -> bool {
        self.ty() == EntityType::Person
            && self.persons.is_empty()
            && self.curated.is_empty()
            && !self.fixed
            && self.names.keys().all(|n| bare_word(n))
    }

    /// The best written form: a person's full name before a surname, mixed case before capitals,
    /// then the most mentioned, then the longest.
    pub fn best_name(&self) -> String {
        let person = self.ty() == EntityType::Person;
        self.names
            .iter()
            .max_by_key(|&(name, n)| {
                let words = name.split_whitespace().count();
                let caps = name.chars().any(|c| c.is_lowercase());
                let full = if person { words.clamp(1, 2) } else { 0 };
                let the = !name.starts_with("the ") && !name.starts_with("The ");
                (full, caps, the, *n, name.len(), std::cmp::Reverse(name.as_str()))
            })
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    }
}

/// Documents and mentions per case entity, counted as a first bulk load writes its rows: the
/// load's end writes the entity totals from it instead of counting every row on one core while
/// the other has nothing left to do (1.1 s at 100k documents). An entity whose rows moved or
/// went otherwise (a bare surname absorbed, a document replaced) is counted from the table.
#[derive(Debug, Default)]
pub struct Tally {
    /// Entity → (documents, mentions) of the rows written.
    pub counts: HashMap<EntityId, (i64, i64)>,
    /// Entities to count from the table.
    pub recount: HashSet<EntityId>,
    /// The documents of each person known by a bare surname only, whom a later full name may
    /// take in: moving its rows then reads these documents, not the whole table (whose index
    /// by entity a first load builds at its end). A scan per join made 20k short news items
    /// with 19k such joins take 91 s.
    pub orphan_docs: HashMap<EntityId, Vec<i64>>,
    /// Entities that lost rows during the load (a document replaced): `orphan_docs` may miss
    /// some of their documents, so their rows are found by a scan.
    pub untracked: HashSet<EntityId>,
}

impl Tally {
    /// Counts one document's rows: (case entity, mentions) each; a document counts once for an
    /// entity however many of its rows are that entity.
    pub fn add_doc(&mut self, rows: &mut [(EntityId, i64)]) {
        // one lookup per entity of the document, not per row
        rows.sort_unstable_by_key(|&(id, _)| id);
        for same in rows.chunk_by(|a, b| a.0 == b.0) {
            let c = self.counts.entry(same[0].0).or_default();
            c.0 += 1;
            c.1 += same.iter().map(|&(_, mentions)| mentions).sum::<i64>();
        }
    }

    /// Notes that document `seq` has rows of the persons `orphans` ([`Self::orphan_docs`]).
    pub fn add_orphan_doc(&mut self, seq: i64, orphans: impl IntoIterator<Item = EntityId>) {
        for id in orphans {
            let docs = self.orphan_docs.entry(id).or_default();
            if docs.last() != Some(&seq) {
                docs.push(seq);
            }
        }
    }

    /// The documents of `id` if they are all known ([`Self::orphan_docs`]), forgetting them.
    pub fn take_orphan_docs(&mut self, id: EntityId) -> Option<Vec<i64>> {
        let docs = self.orphan_docs.remove(&id);
        if self.untracked.contains(&id) { None } else { Some(docs.unwrap_or_default()) }
    }
}

/// The in-memory index of a case's entities.
#[derive(Debug, Default)]
pub struct Resolver {
    /// Entities by id.
    pub entities: HashMap<EntityId, Known>,
    /// Folded names (and equivalents) → entities with that form.
    by_key: HashMap<String, Vec<EntityId>>,
    /// Folded surnames → people with that surname.
    by_surname: HashMap<String, Vec<EntityId>>,
    next_id: EntityId,
    /// Keys the store has written, with their entities, so each pair is written once.
    pub persisted_keys: HashMap<String, Vec<EntityId>>,
    /// During a first bulk load, what its rows add up to (not saved with the resolver).
    pub tally: Option<Tally>,
}

fn push_unique(map: &mut HashMap<String, Vec<EntityId>>, key: String, id: EntityId) {
    let v = map.entry(key).or_default();
    if !v.contains(&id) {
        v.push(id);
    }
}

impl Resolver {
    /// An empty resolver whose new ids start above `max_id`.
    pub fn new(max_id: EntityId) -> Self {
        Resolver { next_id: max_id + 1, ..Default::default() }
    }

    /// The next id a new entity gets.
    pub fn allocate(&mut self) -> EntityId {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Makes sure ids above `id` are the only ones handed out.
    pub fn reserve(&mut self, id: EntityId) {
        self.next_id = self.next_id.max(id + 1);
    }

    fn index_form(&mut self, id: EntityId, ty: EntityType, form: &Form) {
        for key in &form.keys {
            push_unique(&mut self.by_key, key.clone(), id);
        }
        if is_person(ty)
            && let Some(p) = &form.person
        {
            push_unique(&mut self.by_surname, p.surname.clone(), id);
            let known = self.entities.entry(id).or_default();
            if p.given.is_some() && !known.persons.contains(p) {
                known.persons.push(p.clone());
            }
        }
    }

    /// Records that a document's entity belongs to `id`.
    pub fn add(&mut self, id: EntityId, e: &DocEntity) {
        self.add_with(id, e, &Forms::of(e));
    }

    /// [`Self::add`] with the entity's forms taken apart already.
    pub fn add_with(&mut self, id: EntityId, e: &DocEntity, forms: &Forms) {
        self.reserve(id);
        {
            let known = self.entities.entry(id).or_default();
            // Forms count documents, so one long article does not name an entity.
            *known.names.entry(e.name.clone()).or_default() += 1;
            for a in &e.aliases {
                known.names.entry(a.clone()).or_default();
            }
            *known.types.entry(e.ty).or_default() += e.mentions.max(1) as u64;
            known.mentions += e.mentions as u64;
        }
        self.index_form(id, e.ty, &forms.name);
        let own = if is_person(e.ty) { forms.name.person.as_ref() } else { None };
        for a in &forms.aliases {
            // A person's alias is a key only if it can name the same person (a document may
            // have mixed up two people who share a surname) or is a nickname of another shape.
            let keep = match (own, &a.person) {
                (Some(p), Some(q)) => q.given.is_none() || q.surname != p.surname || same_person(p, q),
                _ => true,
            };
            if keep {
                self.index_form(id, e.ty, a);
            }
        }
    }

    /// Adds a form a curator gave.
    pub fn add_curated_name(&mut self, id: EntityId, name: &str) {
        let ty = self.entities.get(&id).map(Known::ty).unwrap_or(EntityType::Misc);
        let known = self.entities.entry(id).or_default();
        known.names.entry(name.to_string()).or_default();
        known.curated.push(name.to_string());
        self.index_form(id, ty, &Form::of(ty, name));
    }

    /// Forgets one document's entity (before re-analysis, or when moving it).
    pub fn remove(&mut self, id: EntityId, e: &DocEntity) {
        if let Some(known) = self.entities.get_mut(&id) {
            if let Some(n) = known.names.get_mut(&e.name) {
                *n = n.saturating_sub(1);
            }
            if let Some(n) = known.types.get_mut(&e.ty) {
                *n = n.saturating_sub(e.mentions.max(1) as u64);
            }
            known.mentions = known.mentions.saturating_sub(e.mentions as u64);
        }
        // Keys stay: a form once seen keeps finding its entity, which is what a reader expects.
    }

    /// Moves everything of `from` into `into` (a merge).
    pub fn merge(&mut self, into: EntityId, from: EntityId) {
        let Some(old) = self.entities.remove(&from) else { return };
        // The lists `from` can be in: those of its names' keys and surnames, read as a person's
        // and as any other name (a scan of every list per merge made a load that joins
        // thousands of bare surnames quadratic).
        let mut keys: HashSet<String> = HashSet::default();
        let mut surnames: HashSet<String> = HashSet::default();
        for name in old.names.keys() {
            let person = Form::of(EntityType::Person, name);
            keys.extend(person.keys);
            surnames.extend(person.person.map(|p| p.surname));
            keys.extend(Form::of(EntityType::Misc, name).keys);
        }
        let replace = |ids: &mut Vec<EntityId>| {
            if let Some(p) = ids.iter().position(|&i| i == from) {
                if ids.contains(&into) {
                    ids.remove(p);
                } else {
                    ids[p] = into;
                }
            }
        };
        for k in &keys {
            if let Some(ids) = self.by_key.get_mut(k) {
                replace(ids);
            }
        }
        for s in &surnames {
            if let Some(ids) = self.by_surname.get_mut(s) {
                replace(ids);
            }
        }
        let known = self.entities.entry(into).or_default();
        for (n, c) in old.names {
            *known.names.entry(n).or_default() += c;
        }
        for (t, c) in old.types {
            *known.types.entry(t).or_default() += c;
        }
        for p in old.persons {
            if !known.persons.contains(&p) {
                known.persons.push(p);
            }
        }
        known.mentions += old.mentions;
        known.curated.extend(old.curated);
        known.stored = None;
    }

    /// Stops `key` forms from finding `id` (a split moved them away).
    pub fn unindex(&mut self, id: EntityId, name: &str) {
        let ty = self.entities.get(&id).map(Known::ty).unwrap_or(EntityType::Misc);
        for key in keys_of(ty, name) {
            if let Some(v) = self.by_key.get_mut(&key) {
                v.retain(|&i| i != id);
            }
        }
        if let Some(known) = self.entities.get_mut(&id) {
            known.names.remove(name);
            if let Some(p) = person_name(name) {
                known.persons.retain(|q| *q != p);
            }
        }
    }

    fn compatible_person(&self, id: EntityId, p: &PersonName) -> bool {
        let Some(known) = self.entities.get(&id) else { return false };
        if known.ty() != EntityType::Person {
            return false;
        }
        if p.given.is_none() {
            return true;
        }
        // A full name joins only an entity with a full name that agrees: never a bare surname.
        known.persons.iter().any(|q| same_person(p, q))
    }

    /// How candidates for a form are weighed: the most mentioned, then the oldest.
    fn rank(&self, id: EntityId) -> (u64, std::cmp::Reverse<EntityId>) {
        (self.entities.get(&id).map(|k| k.mentions).unwrap_or(0), std::cmp::Reverse(id))
    }

    /// The case entity a document's entity is, if one is known.
    pub fn find(&self, e: &DocEntity) -> Option<EntityId> {
        self.find_with(e, &Forms::of(e))
    }

    /// [`Self::find`] with the entity's forms taken apart already.
    pub fn find_with(&self, e: &DocEntity, forms: &Forms) -> Option<EntityId> {
        if is_person(e.ty) {
            let p = forms.name.person.as_ref()?;
            if p.given.is_some() {
                // Exact forms first (aliases such as nicknames), then compatible full names.
                let exact = self.exact(e, forms).filter(|id| self.compatible_person(*id, p) || !self.has_full(*id));
                if let Some(id) = exact.filter(|id| self.entities.get(id).is_some_and(|k| k.ty() == EntityType::Person))
                {
                    return Some(id);
                }
                let cands = self.by_surname.get(&p.surname)?;
                return cands
                    .iter()
                    .copied()
                    .filter(|&id| self.compatible_person(id, p))
                    .max_by_key(|id| self.rank(*id));
            }
            // One word: a known form (a nickname, a single-name person), else the most
            // mentioned person with that surname.
            if let Some(id) = self.exact(e, forms) {
                return Some(id);
            }
            let person = self.by_surname.get(&p.surname).and_then(|cands| {
                cands
                    .iter()
                    .copied()
                    .filter(|id| self.entities.get(id).is_some_and(|k| k.ty() == EntityType::Person))
                    .max_by_key(|id| self.rank(*id))
            });
            // else a place or body of that name: a bare word that no person of the case bears is
            // more likely a name tagged as a person here ("Veloria will not seek assurances")
            return person.or_else(|| self.bare_across(e, |k| !is_person(k.ty()) && !k.fixed));
        }
        // ... and the other way round: a place or body that a document before took for a person
        // known by that one word alone, or that such a person (now with a full name) took in
        // before: a document read again finds the entity that a first reading joined it to
        self.exact(e, forms).or_else(|| self.bare_across(e, |k| k.is_bare_person() || k.took_in_other_types()))
    }

    /// For a document entity known by one bare word (no title, no role, no second word in any
    /// form), the most mentioned case entity of the other family with that word as a form that
    /// `fits`; none for anything else.
    fn bare_across(&self, e: &DocEntity, fits: impl Fn(&Known) -> bool) -> Option<EntityId> {
        if is_address(e.ty) || !e.roles.is_empty() || !bare_word(&e.name) || !e.aliases.iter().all(|a| bare_word(a)) {
            return None;
        }
        let key = fold(&e.name);
        self.by_key
            .get(&key)?
            .iter()
            .copied()
            .filter(|id| self.entities.get(id).is_some_and(|k| fits(k) && !is_address(k.ty())))
            .max_by_key(|id| self.rank(*id))
    }

    /// People known only by a surname (a bare "Clinton" seen before any full name) who now have
    /// a full-name entity to belong to: (orphan, the most mentioned full-name holder).
    pub fn orphans(&self, p: &PersonName) -> Vec<(EntityId, EntityId)> {
        let Some(ids) = self.by_surname.get(&p.surname) else { return Vec::new() };
        // Almost always every holder of the surname has a full name: no orphan, nothing to weigh.
        if ids.iter().all(|id| self.has_full(*id)) {
            return Vec::new();
        }
        let person = |id: &EntityId| self.entities.get(id).is_some_and(|k| k.ty() == EntityType::Person);
        let full = ids.iter().copied().filter(|id| person(id) && self.has_full(*id)).max_by_key(|id| self.rank(*id));
        let Some(full) = full else { return Vec::new() };
        ids.iter()
            .copied()
            .filter(|id| *id != full && self.is_orphan(*id))
            .filter(|id| self.entities.get(id).is_some_and(|k| k.curated.is_empty() && !k.fixed))
            .map(|id| (id, full))
            .collect()
    }

    /// A person known by a bare surname only: one [`Self::orphans`] may return. (A bare word
    /// that [`Self::find`] joined across person and place is one while most of its mentions are
    /// a person's: "Hitler", once tagged a place, still joins "Adolf Hitler".)
    pub fn is_orphan(&self, id: EntityId) -> bool {
        self.entities.get(&id).is_some_and(|k| k.ty() == EntityType::Person) && !self.has_full(id)
    }

    /// True when `id` has mentions tagged as a person and others tagged as a place or body (a
    /// bare word [`Self::find`] joined across the two): its person status can come and go with
    /// the counts, so a first load cannot follow its documents as it does a bare surname's.
    pub fn is_mixed(&self, id: EntityId) -> bool {
        self.entities
            .get(&id)
            .is_some_and(|k| k.types.get(&EntityType::Person).is_some_and(|&n| n > 0) && k.has_other_types())
    }

    fn has_full(&self, id: EntityId) -> bool {
        self.entities.get(&id).is_some_and(|k| !k.persons.is_empty())
    }

    /// An entity of the same family that has one of the document entity's forms.
    fn exact(&self, e: &DocEntity, forms: &Forms) -> Option<EntityId> {
        let surname = forms.name.person.as_ref().map(|p| &p.surname);
        let candidates = std::iter::once(&forms.name).chain(forms.aliases.iter().filter(|a| {
            // A person's one-word short form ("Javid") is not an identity: surnames are shared.
            !(is_person(e.ty)
                && a.person.as_ref().is_some_and(|q| q.given.is_none() && surname.is_some_and(|s| *s == q.surname)))
        }));
        for form in candidates {
            let Some(key) = form.canonical() else { continue };
            if let Some(ids) = self.by_key.get(key) {
                let best = ids
                    .iter()
                    .copied()
                    .filter(|id| self.entities.get(id).is_some_and(|k| same_family(k.ty(), e.ty)))
                    .max_by_key(|id| self.rank(*id));
                if best.is_some() {
                    return best;
                }
            }
        }
        None
    }

    /// Finds or creates the case entity of a document's entity, and records it.
    pub fn resolve(&mut self, e: &DocEntity, preferred: Option<EntityId>) -> EntityId {
        self.resolve_with(e, &Forms::of(e), preferred)
    }

    /// [`Self::resolve`] with the entity's forms taken apart already.
    pub fn resolve_with(&mut self, e: &DocEntity, forms: &Forms, preferred: Option<EntityId>) -> EntityId {
        let id = match self.find_with(e, forms) {
            Some(id) => id,
            // A re-resolution keeps the id the entity had, if no other entity took it.
            None => match preferred.filter(|p| !self.entities.contains_key(p)) {
                Some(p) => p,
                None => self.allocate(),
            },
        };
        self.add_with(id, e, forms);
        id
    }
}

/// The resolver's whole state as bytes, so that a case's next opening reads it back instead of
/// building it again from every document entity (4–5 s for 100k news stories, before a single
/// new document could be stored). The store keeps it only while it matches the tables
/// (`xref::Xref::save`).
pub(crate) mod snapshot {
    use super::{EntityId, HashMap, Known, PersonName, Resolver};
    use crate::codec::{Reader, put_int, put_str};
    use dossier_model::EntityType;

    /// First byte: the layout below.
    const FORMAT: u8 = 1;
    const TYPES: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
        EntityType::Email,
        EntityType::Phone,
        EntityType::Url,
    ];

    /// (a type added to the model later is written as MISC until it has a code here)
    fn put_ty(out: &mut Vec<u8>, t: EntityType) {
        out.push(TYPES.iter().position(|x| *x == t).unwrap_or(3) as u8);
    }

    fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
        out.push(u8::from(s.is_some()));
        if let Some(s) = s {
            put_str(out, s);
        }
    }

    fn put_ids(out: &mut Vec<u8>, map: &HashMap<String, Vec<EntityId>>) {
        put_int(out, map.len() as i64);
        for (key, ids) in map {
            put_str(out, key);
            put_int(out, ids.len() as i64);
            for id in ids {
                put_int(out, *id);
            }
        }
    }

    pub(crate) fn encode(r: &Resolver) -> Vec<u8> {
        let mut out = vec![FORMAT];
        put_int(&mut out, r.next_id);
        put_int(&mut out, r.entities.len() as i64);
        for (id, k) in &r.entities {
            put_int(&mut out, *id);
            put_int(&mut out, k.names.len() as i64);
            for (name, n) in &k.names {
                put_str(&mut out, name);
                put_int(&mut out, *n as i64);
            }
            put_int(&mut out, k.types.len() as i64);
            for (t, n) in &k.types {
                put_ty(&mut out, *t);
                put_int(&mut out, *n as i64);
            }
            put_int(&mut out, k.persons.len() as i64);
            for p in &k.persons {
                put_opt(&mut out, p.given.as_deref());
                put_str(&mut out, &p.surname);
                put_opt(&mut out, p.suffix.as_deref());
                put_opt(&mut out, p.middle.as_deref());
            }
            put_int(&mut out, k.mentions as i64);
            put_int(&mut out, k.curated.len() as i64);
            for c in &k.curated {
                put_str(&mut out, c);
            }
            put_opt(&mut out, k.stored.as_ref().map(|(name, _)| name.as_str()));
            put_ty(&mut out, k.stored.as_ref().map_or(EntityType::Misc, |(_, t)| *t));
            out.push(u8::from(k.fixed));
        }
        put_ids(&mut out, &r.by_key);
        put_ids(&mut out, &r.by_surname);
        put_ids(&mut out, &r.persisted_keys);
        out
    }

    /// Reads what [`encode`] wrote; damaged bytes are an error, never a panic.
    pub(crate) fn decode(bytes: &[u8]) -> Result<Resolver, String> {
        let mut rd = Reader::new(bytes);
        if rd.byte()? != FORMAT {
            return Err("unknown resolver snapshot format".into());
        }
        // (every item takes at least a byte: a count beyond the bytes is damage)
        let count = |n: i64| -> Result<usize, String> {
            usize::try_from(n).ok().filter(|&n| n <= bytes.len()).ok_or_else(|| "bad count in resolver snapshot".into())
        };
        let ty = |rd: &mut Reader| -> Result<EntityType, String> {
            TYPES.get(usize::from(rd.byte()?)).copied().ok_or_else(|| "bad type in resolver snapshot".into())
        };
        let opt = |rd: &mut Reader| -> Result<Option<String>, String> {
            Ok(if rd.byte()? == 1 { Some(rd.str()?) } else { None })
        };
        let ids = |rd: &mut Reader| -> Result<HashMap<String, Vec<EntityId>>, String> {
            let n = rd.int()?;
            let n = count(n)?;
            let mut map = HashMap::with_capacity_and_hasher(n, Default::default());
            for _ in 0..n {
                let key = rd.str()?;
                let m = rd.int()?;
                let m = count(m)?;
                let v = (0..m).map(|_| rd.int()).collect::<Result<Vec<_>, _>>()?;
                map.insert(key, v);
            }
            Ok(map)
        };
        let mut r = Resolver { next_id: rd.int()?, ..Default::default() };
        let n = rd.int()?;
        for _ in 0..count(n)? {
            let id = rd.int()?;
            let mut k = Known::default();
            let n = rd.int()?;
            for _ in 0..count(n)? {
                let name = rd.str()?;
                k.names.insert(name, rd.int()? as u64);
            }
            let n = rd.int()?;
            for _ in 0..count(n)? {
                let t = ty(&mut rd)?;
                k.types.insert(t, rd.int()? as u64);
            }
            let n = rd.int()?;
            for _ in 0..count(n)? {
                let given = opt(&mut rd)?;
                let surname = rd.str()?;
                k.persons.push(PersonName { given, surname, suffix: opt(&mut rd)?, middle: opt(&mut rd)? });
            }
            k.mentions = rd.int()? as u64;
            let n = rd.int()?;
            k.curated = (0..count(n)?).map(|_| rd.str()).collect::<Result<_, _>>()?;
            let stored = opt(&mut rd)?;
            let stored_ty = ty(&mut rd)?;
            k.stored = stored.map(|name| (name, stored_ty));
            k.fixed = rd.byte()? == 1;
            r.entities.insert(id, k);
        }
        r.by_key = ids(&mut rd)?;
        r.by_surname = ids(&mut rd)?;
        r.persisted_keys = ids(&mut rd)?;
        if !rd.done() {
            return Err("bytes left over in resolver snapshot".into());
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> DocEntity {
        DocEntity {
            local: "E1".into(),
            ty: EntityType::Person,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
            mentions: 2,
        }
    }

    fn thing(ty: EntityType, name: &str) -> DocEntity {
        DocEntity { local: "E1".into(), ty, name: name.into(), aliases: vec![], roles: vec![], mentions: 1 }
    }

    /// Everything a resolver holds, in an order that does not depend on hashing.
    fn state(r: &Resolver) -> String {
        let sorted = |m: &HashMap<String, Vec<EntityId>>| {
            let mut v: Vec<_> = m.iter().map(|(k, ids)| (k.clone(), ids.clone())).collect();
            v.sort();
            v
        };
        let mut entities: Vec<String> = r
            .entities
            .iter()
            .map(|(id, k)| {
                let mut names: Vec<_> = k.names.iter().collect();
                names.sort();
                let mut types: Vec<_> = k.types.iter().map(|(t, n)| (format!("{t:?}"), n)).collect();
                types.sort();
                format!(
                    "{id} {names:?} {types:?} {:?} {} {:?} {:?} {}",
                    k.persons, k.mentions, k.curated, k.stored, k.fixed
                )
            })
            .collect();
        entities.sort();
        format!(
            "{} {entities:?} {:?} {:?} {:?}",
            r.next_id,
            sorted(&r.by_key),
            sorted(&r.by_surname),
            sorted(&r.persisted_keys)
        )
    }

    #[test]
    fn a_saved_resolver_reads_back_whole_and_damage_is_an_error() {
        let mut r = Resolver::new(0);
        let a = r.resolve(&person("Vessa Korlund", &["V. Korlund", "\u{201c}Vee\u{201d}"]), None);
        r.resolve(&person("Korlund", &[]), None);
        r.resolve(&thing(EntityType::Org, "Ministry of Transport"), None);
        let b = r.resolve(&thing(EntityType::Loc, "Tessavar"), None);
        r.add_curated_name(b, "Tessavar City");
        r.persisted_keys.insert("tessavar".into(), vec![b]);
        if let Some(k) = r.entities.get_mut(&a) {
            k.stored = Some(("Vessa Korlund".into(), EntityType::Person));
            k.fixed = true;
        }
        let bytes = snapshot::encode(&r);
        let back = snapshot::decode(&bytes).unwrap();
        assert_eq!(state(&back), state(&r));
        assert!(state(&r).contains("Tessavar City") && state(&r).contains("korlund"));
        // the same answers
        assert_eq!(back.find(&person("V. Korlund", &[])), r.find(&person("V. Korlund", &[])));
        // cut anywhere, or with a byte changed: an error or some resolver, never a panic
        for n in 0..bytes.len() {
            assert!(snapshot::decode(&bytes[..n]).is_err(), "cut at {n}");
            let mut changed = bytes.clone();
            changed[n] ^= 0x5a;
            let _ = snapshot::decode(&changed);
        }
        assert!(snapshot::decode(&[9, 1, 2]).is_err());
    }

    #[test]
    fn every_listed_form_belongs_to_one_group() {
        // The lookup maps keep one group per form: a form listed twice would lose a group.
        let forms: usize = EQUIVALENTS.iter().map(|g| g.len()).sum();
        assert_eq!(LISTS.equivalents.len(), forms);
        let names: usize = NICKNAMES.iter().map(|g| g.len()).sum();
        assert_eq!(LISTS.nicknames.len(), names);
        assert_eq!(name_keys("U.S."), vec!["us".to_string(), "united states".to_string()]);
        assert!(given_compatible("bill", "william") && !given_compatible("bill", "robert"));
        assert_eq!(
            person_name("Senator John Smith Jr.").map(|p| (p.given, p.suffix)),
            Some((Some("john".into()), Some("jr".into())))
        );
    }

    #[test]
    fn folding_joins_spelling_variants() {
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("El-Sheikh"), fold("Elsheikh"));
        assert_eq!(fold("José Núñez"), "jose nunez");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(name_keys("the United States"), vec!["united states".to_string()]);
        assert_eq!(name_keys("Us"), vec!["us".to_string()]);
        assert_eq!(canonical_key(EntityType::Loc, "U.S."), Some("united states".into()));
        assert_eq!(canonical_key(EntityType::Person, "Mr Tomas Brekov"), Some("tomas brekov".into()));
    }

    #[test]
    fn person_names_come_apart() {
        let p = person_name("Mr Tomas Brekov").unwrap();
        assert_eq!((p.given.as_deref(), p.surname.as_str()), (Some("tomas"), "brekov"));
        assert_eq!(person_name("Ana de la Cruz").unwrap().surname, "delacruz");
        assert_eq!(person_name("Donald Trump Jr.").unwrap().suffix.as_deref(), Some("jr"));
        assert_eq!(person_name("Brekov").unwrap().given, None);
    }

    #[test]
    fn given_names() {
        assert!(given_compatible("bill", "william"));
        assert!(given_compatible("alexanda", "alexander"));
        assert!(given_compatible("mohammed", "muhammad"));
        assert!(given_compatible("j", "john"));
        assert!(!given_compatible("bill", "hillary"));
        assert!(!given_compatible("donald", "ronald"));
        assert!(!given_compatible("ivana", "ivanka"));
        assert!(!given_compatible("jane", "joan"));
        assert_eq!(edit_distance("alexanda", "alexander"), 2);
        assert!(!given_compatible("anna", "hanna") || skeleton("anna") == skeleton("hanna"));
    }

    #[test]
    fn two_clintons_stay_apart_and_a_bare_surname_goes_to_the_most_mentioned() {
        let mut r = Resolver::new(0);
        let hillary = r.resolve(&person("Hillary Clinton", &["Clinton"]), None);
        r.resolve(&person("Hillary Clinton", &[]), None);
        let hillary2 = r.resolve(&person("Hillary Rodham Clinton", &[]), None);
        let bill = r.resolve(&person("Bill Clinton", &["Clinton"]), None);
        let william = r.resolve(&person("William Clinton", &[]), None);
        assert_eq!(hillary, hillary2);
        assert_ne!(hillary, bill);
        assert_eq!(bill, william);
        assert_eq!(r.resolve(&person("Clinton", &[]), None), hillary);
        assert_eq!(r.resolve(&person("Mrs. Clinton", &[]), None), hillary);
        assert_ne!(r.resolve(&person("Chelsea Clinton", &[]), None), hillary);
    }

    #[test]
    fn middle_initials_short_given_names_and_mixed_up_aliases_keep_people_apart() {
        let mut r = Resolver::new(0);
        let w = r.resolve(&person("George W. Bush", &[]), None);
        assert_ne!(r.resolve(&person("George H.W. Bush", &[]), None), w);
        assert_eq!(r.resolve(&person("George Bush", &[]), None), w);
        let ivanka = r.resolve(&person("Ivanka Trump", &[]), None);
        assert_ne!(r.resolve(&person("Ivana Trump", &[]), None), ivanka);
        // A document that mixed two spouses up does not teach the resolver the wrong name.
        let hillary = r.resolve(&person("Hillary Clinton", &["Bill Clinton", "Mrs. Clinton"]), None);
        assert_ne!(r.resolve(&person("Bill Clinton", &[]), None), hillary);
        assert_eq!(r.resolve(&person("Rudolph Giuliani", &[]), None), r.resolve(&person("Rudy Giuliani", &[]), None));
        assert_eq!(person_name("Donald J.").unwrap().given, None);
    }

    #[test]
    fn a_bare_surname_seen_first_joins_the_full_name_that_comes_later() {
        let mut r = Resolver::new(0);
        let bare = r.resolve(&person("Halvorsen", &[]), None);
        let full = r.resolve(&person("Petra Halvorsen", &[]), None);
        assert_ne!(bare, full);
        assert_eq!(r.orphans(&person_name("Petra Halvorsen").unwrap()), vec![(bare, full)]);
        r.merge(full, bare);
        assert!(r.orphans(&person_name("Petra Halvorsen").unwrap()).is_empty());
        assert_eq!(r.resolve(&person("Halvorsen", &[]), None), full);
    }

    #[test]
    fn aliases_join_even_when_the_alias_comes_first() {
        let mut r = Resolver::new(0);
        let nick = r.resolve(&person("Ferryman", &[]), None);
        let full = r.resolve(&person("Tomas Brekov", &["the Ferryman", "Brekov"]), None);
        assert_eq!(nick, full);
        assert_eq!(r.resolve(&person("Tomás Brekov", &[]), None), full);
    }

    #[test]
    fn places_and_organisations_match_on_their_forms_across_tags() {
        let mut r = Resolver::new(0);
        let us = r.resolve(&thing(EntityType::Loc, "United States"), None);
        assert_eq!(r.resolve(&thing(EntityType::Loc, "U.S."), None), us);
        assert_eq!(r.resolve(&thing(EntityType::Org, "US"), None), us);
        let ncd = r.resolve(
            &DocEntity { aliases: vec!["NCD".into()], ..thing(EntityType::Org, "National Crime Directorate") },
            None,
        );
        assert_eq!(r.resolve(&thing(EntityType::Org, "the NCD"), None), ncd);
        assert_ne!(r.resolve(&thing(EntityType::Person, "Veloria Smith"), None), us);
        assert_eq!(r.entities[&us].ty(), EntityType::Loc);
    }

    #[test]
    fn a_bare_word_tagged_a_person_joins_the_place_of_that_name_either_way() {
        let mut r = Resolver::new(0);
        // the "person" first, then the place: one entity, typed by most of its mentions
        let veloria = r.resolve(&person("Veloria", &[]), None);
        for _ in 0..3 {
            assert_eq!(r.resolve(&thing(EntityType::Loc, "Veloria"), None), veloria);
        }
        assert_eq!(r.entities[&veloria].ty(), EntityType::Loc);
        // mostly a place: no bare surname for a full name to take in, places and all
        assert!(!r.is_orphan(veloria));
        r.resolve(&person("Anna Veloria", &[]), None);
        assert!(r.orphans(&person_name("Anna Veloria").unwrap()).is_empty());
        // the place first, then the "person"
        let korvin = r.resolve(&thing(EntityType::Org, "Korvin"), None);
        assert_eq!(r.resolve(&person("Korvin", &[]), None), korvin);
        // mostly a person now: a full name that comes later takes it in
        assert_eq!(r.entities[&korvin].ty(), EntityType::Person);
        let ilse = r.resolve(&person("Ilse Korvin", &[]), None);
        assert_eq!(r.orphans(&person_name("Ilse Korvin").unwrap()), vec![(korvin, ilse)]);
        r.merge(ilse, korvin);
        // the place's document read again finds where its first reading went
        assert_eq!(r.resolve(&thing(EntityType::Org, "Korvin"), None), ilse);
        // a bare surname that a person of the case bears stays with that person
        let brekov = r.resolve(&person("Tomas Brekov", &[]), None);
        assert_ne!(r.resolve(&thing(EntityType::Loc, "Brekov"), None), brekov);
        assert_eq!(r.resolve(&person("Brekov", &[]), None), brekov);
        // a title or a role keeps a person apart from a place, in either order
        let sennick = r.resolve(&thing(EntityType::Loc, "Sennick"), None);
        assert_ne!(r.resolve(&person("Ms Sennick", &[]), None), sennick);
        let tessavar = r.resolve(&thing(EntityType::Loc, "Tessavar"), None);
        let mayor = DocEntity { roles: vec!["mayor".into()], ..person("Tessavar", &[]) };
        assert_ne!(r.resolve(&mayor, None), tessavar);
        let pell = r.resolve(&person("Pell", &["Mr Pell"]), None);
        assert_ne!(r.resolve(&thing(EntityType::Loc, "Pell"), None), pell);
        // two words are no bare word
        let vell = r.resolve(&thing(EntityType::Loc, "Vell Basin"), None);
        assert_ne!(r.resolve(&person("Vell Basin", &[]), None), vell);
    }

    #[test]
    fn merging_moves_forms() {
        let mut r = Resolver::new(0);
        let a = r.resolve(&thing(EntityType::Org, "Grey Lantern"), None);
        let b = r.resolve(&thing(EntityType::Org, "Lantern Cell"), None);
        r.merge(a, b);
        assert_eq!(r.resolve(&thing(EntityType::Org, "Lantern Cell"), None), a);
        assert_eq!(r.entities[&a].best_name(), "Lantern Cell");
    }
}
