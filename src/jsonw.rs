//! A compact JSON writer: any `serde::Serialize` value in, the bytes `serde_json::to_writer`
//! (compact) writes for it out, byte for byte.
//!
//! In: a value of a type that implements [`serde::Serialize`] (the project's derives, with their
//! `rename`, `flatten`, `skip_serializing_if` and internally tagged enums, and the standard
//! types under them). Out: its compact JSON, appended to a `Vec<u8>` ([`to_vec`],
//! [`extend_vec`]) or made in memory and then written to an [`std::io::Write`] ([`to_writer`]).
//!
//! It is a copy of serde_json 1.0.154's compact serializer (`ser.rs`) and keeps its behaviour in
//! every case: integers through `itoa`; finite floats through `zmij` (what serde_json uses for
//! them), NaN and infinities as `null`; map keys that are strings, integers, floats, bools or
//! chars, the last four quoted, other keys an error; bytes as an array of numbers; the same
//! state machine for empty maps and sequences. What differs is speed. Strings are scanned for
//! the bytes that need escaping a 64-bit word at a time (SWAR: a control byte, `"` or `\` in
//! any of the eight bytes), and the clean runs between them copied whole, where serde_json looks
//! up every byte in a table; a string of up to 16 bytes (most keys, names and ids) is tested and
//! stored as one or two words. The output is always a `Vec<u8>`, so small pieces are stores, not
//! calls through `io::Write`. The escapes themselves are serde_json's: `\"`, `\\`, `\b`, `\f`,
//! `\n`, `\r`, `\t` and `\u00xx` (lower case hex) for the other control bytes; `/` and non-ASCII
//! are written as they are.

use std::fmt::{self, Display};
use std::io;

use serde::ser::{self, Impossible, Serialize};

/// An error while writing: one the value's `Serialize` raised, a map key that JSON cannot have
/// (not a string, number, bool or char; a NaN or infinite float), or the writer's.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

#[derive(Debug)]
enum ErrorKind {
    Io(io::Error),
    Message(String),
    KeyMustBeAString,
    FloatKeyMustBeFinite,
}

impl Error {
    fn io(e: io::Error) -> Error {
        Error(Box::new(ErrorKind::Io(e)))
    }
    fn key_must_be_a_string() -> Error {
        Error(Box::new(ErrorKind::KeyMustBeAString))
    }
    fn float_key_must_be_finite() -> Error {
        Error(Box::new(ErrorKind::FloatKeyMustBeFinite))
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Io(e) => e.fmt(f),
            ErrorKind::Message(m) => f.write_str(m),
            ErrorKind::KeyMustBeAString => f.write_str("key must be a string"),
            ErrorKind::FloatKeyMustBeFinite => {
                f.write_str("float key must be finite (got NaN or +/-inf)")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(Box::new(ErrorKind::Message(msg.to_string())))
    }
}

impl From<Error> for io::Error {
    fn from(e: Error) -> io::Error {
        match *e.0 {
            ErrorKind::Io(e) => e,
            other => io::Error::other(Error(Box::new(other))),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// The compact JSON of `value`.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(128);
    extend_vec(&mut out, value)?;
    Ok(out)
}

/// Appends the compact JSON of `value` to `out` (on an error, `out` may hold part of it).
///
/// Every function here writes through this one, kept out of line so that a profile shows the
/// whole cost of writing JSON under its name.
#[inline(never)]
pub fn extend_vec<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<()> {
    let mut ser = Serializer {
        out: std::mem::take(out),
    };
    let done = value.serialize(&mut ser);
    *out = ser.out;
    done
}

/// Writes the compact JSON of `value` to `writer` (made in memory first, then written whole).
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(mut writer: W, value: &T) -> Result<()> {
    writer.write_all(&to_vec(value)?).map_err(Error::io)
}

/// The serializer: appends the JSON of what it is given to its bytes (see [`extend_vec`]).
pub struct Serializer {
    out: Vec<u8>,
}

impl Serializer {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// A JSON string: `"`, the escaped contents, `"`.
    #[inline]
    fn string(&mut self, s: &str) -> Result<()> {
        self.out.push(b'"');
        write_escaped(&mut self.out, s.as_bytes());
        self.out.push(b'"');
        Ok(())
    }

    /// An object of one key, the variant's name, whose value follows (serde_json's externally
    /// tagged variants).
    fn variant_key(&mut self, variant: &str) -> Result<()> {
        self.put(b"{")?;
        self.string(variant)?;
        self.put(b":")
    }
}

/// Writes `value` as `"value"`, for the map keys that are numbers or bools.
macro_rules! quoted {
    ($ser:expr, $text:expr) => {{
        $ser.put(b"\"")?;
        $ser.put($text)?;
        $ser.put(b"\"")
    }};
}

/// Integers as serde_json writes them (itoa).
macro_rules! int_methods {
    ($($method:ident: $t:ty),*) => {$(
        #[inline]
        fn $method(self, value: $t) -> Result<()> {
            self.put(itoa::Buffer::new().format(value).as_bytes())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Serializer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    #[inline]
    fn serialize_bool(self, value: bool) -> Result<()> {
        self.put(if value { b"true" } else { b"false" })
    }

    int_methods!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    #[inline]
    fn serialize_f32(self, value: f32) -> Result<()> {
        if value.is_finite() {
            self.put(zmij::Buffer::new().format_finite(value).as_bytes())
        } else {
            self.put(b"null")
        }
    }

    #[inline]
    fn serialize_f64(self, value: f64) -> Result<()> {
        if value.is_finite() {
            self.put(zmij::Buffer::new().format_finite(value).as_bytes())
        } else {
            self.put(b"null")
        }
    }

    #[inline]
    fn serialize_char(self, value: char) -> Result<()> {
        self.string(value.encode_utf8(&mut [0; 4]))
    }

    #[inline]
    fn serialize_str(self, value: &str) -> Result<()> {
        self.string(value)
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<()> {
        self.put(b"[")?;
        for (k, b) in value.iter().enumerate() {
            if k > 0 {
                self.put(b",")?;
            }
            self.put(itoa::Buffer::new().format(*b).as_bytes())?;
        }
        self.put(b"]")
    }

    #[inline]
    fn serialize_none(self) -> Result<()> {
        self.put(b"null")
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result<()> {
        self.put(b"null")
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.put(b"null")
    }

    #[inline]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.string(variant)
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.variant_key(variant)?;
        value.serialize(&mut *self)?;
        self.put(b"}")
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>> {
        self.put(b"[")?;
        if len == Some(0) {
            self.put(b"]")?;
            Ok(Compound::new(self, State::Empty))
        } else {
            Ok(Compound::new(self, State::First))
        }
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.variant_key(variant)?;
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>> {
        self.put(b"{")?;
        if len == Some(0) {
            self.put(b"}")?;
            Ok(Compound::new(self, State::Empty))
        } else {
            Ok(Compound::new(self, State::First))
        }
    }

    #[inline]
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.variant_key(variant)?;
        self.serialize_map(Some(len))
    }

    /// Formats `value` straight into the string, escaping each piece (no temporary `String`).
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<()> {
        struct Adapter<'w>(&'w mut Vec<u8>);
        impl fmt::Write for Adapter<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                write_escaped(self.0, s.as_bytes());
                Ok(())
            }
        }
        self.put(b"\"")?;
        if fmt::write(&mut Adapter(&mut self.out), format_args!("{value}")).is_err() {
            return Err(ser::Error::custom(
                "a Display implementation returned an error",
            ));
        }
        self.put(b"\"")
    }
}

/// Where a sequence or map is: nothing written yet, or an element written (a comma before the
/// next), or empty and already closed (its length was given as 0).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// A sequence, tuple, map or struct being written.
pub struct Compound<'a> {
    ser: &'a mut Serializer,
    state: State,
}

impl<'a> Compound<'a> {
    #[inline]
    fn new(ser: &'a mut Serializer, state: State) -> Compound<'a> {
        Compound { ser, state }
    }

    /// The comma before every item but the first.
    #[inline]
    fn separate(&mut self) -> Result<()> {
        let first = self.state == State::First;
        self.state = State::Rest;
        if first { Ok(()) } else { self.ser.put(b",") }
    }

    #[inline]
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.separate()?;
        value.serialize(&mut *self.ser)
    }

    /// Closes the sequence or map with `close` unless it was closed when it began (empty).
    #[inline]
    fn close(self, close: &[u8]) -> Result<()> {
        match self.state {
            State::Empty => Ok(()),
            _ => self.ser.put(close),
        }
    }
}

/// The sequence-like compounds (serde has one trait per kind, with the same two methods): each
/// element after a comma, closed by `]`.
macro_rules! seq_like {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Error;
            #[inline]
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.element(value)
            }
            #[inline]
            fn end(self) -> Result<()> {
                self.close(b"]")
            }
        }
    )*};
}

seq_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        let ser = &mut *self.ser;
        if self.state != State::Empty {
            ser.put(b"]")?;
        }
        ser.put(b"}")
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.separate()?;
        key.serialize(MapKeySerializer { ser: self.ser })
    }
    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.ser.put(b":")?;
        value.serialize(&mut *self.ser)
    }
    #[inline]
    fn end(self) -> Result<()> {
        self.close(b"}")
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        // `,"key":` (no comma before the first): the punctuation in two stores
        let out = &mut self.ser.out;
        if self.state == State::First {
            out.push(b'"');
        } else {
            out.extend_from_slice(b",\"");
        }
        self.state = State::Rest;
        write_escaped(out, key.as_bytes());
        out.extend_from_slice(b"\":");
        value.serialize(&mut *self.ser)
    }
    #[inline]
    fn end(self) -> Result<()> {
        self.close(b"}")
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<()> {
        let ser = &mut *self.ser;
        if self.state != State::Empty {
            ser.put(b"}")?;
        }
        ser.put(b"}")
    }
}

/// Writes a map key: strings as they are; integers, floats and bools quoted; anything else is
/// an error (as in serde_json).
struct MapKeySerializer<'a> {
    ser: &'a mut Serializer,
}

/// Integer keys, quoted.
macro_rules! int_key_methods {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, value: $t) -> Result<()> {
            quoted!(self.ser, itoa::Buffer::new().format(value).as_bytes())
        }
    )*};
}

impl ser::Serializer for MapKeySerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    #[inline]
    fn serialize_str(self, value: &str) -> Result<()> {
        self.ser.string(value)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.ser.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_bool(self, value: bool) -> Result<()> {
        quoted!(self.ser, if value { b"true" as &[u8] } else { b"false" })
    }

    int_key_methods!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    fn serialize_f32(self, value: f32) -> Result<()> {
        if !value.is_finite() {
            return Err(Error::float_key_must_be_finite());
        }
        quoted!(
            self.ser,
            zmij::Buffer::new().format_finite(value).as_bytes()
        )
    }

    fn serialize_f64(self, value: f64) -> Result<()> {
        if !value.is_finite() {
            return Err(Error::float_key_must_be_finite());
        }
        quoted!(
            self.ser,
            zmij::Buffer::new().format_finite(value).as_bytes()
        )
    }

    fn serialize_char(self, value: char) -> Result<()> {
        self.ser.string(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<()> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<()> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<()> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<()> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(Error::key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Error::key_must_be_a_string())
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<()> {
        ser::Serializer::collect_str(self.ser, value)
    }
}

// ------------------------------------------------------------------------------------------
// String escaping
// ------------------------------------------------------------------------------------------

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7F * ONES;
const HIGHS: u64 = 0x80 * ONES;

/// The high bit of each byte of `word` that JSON escapes: a control byte (below 0x20), `"` or
/// `\`. Exact for every byte: the additions stay within each byte (no carries across bytes), so
/// bytes can be masked out and the lowest set bit found without looking at the others.
#[inline]
fn escape_mask(word: u64) -> u64 {
    let low = word & LOW7;
    // below 0x20: high bit clear, and adding 0x60 to the low seven bits leaves it clear
    let control = !(low + 0x60 * ONES) & !word;
    // equal to c: word ^ c is zero, so neither its high bit nor (low seven bits + 0x7F)'s is set
    let q = word ^ (b'"' as u64 * ONES);
    let quote = !(((q & LOW7) + LOW7) | q);
    let b = word ^ (b'\\' as u64 * ONES);
    let backslash = !(((b & LOW7) + LOW7) | b);
    (control | quote | backslash) & HIGHS
}

/// Like [`escape_mask`], in fewer steps but exact only up to the lowest flagged byte: a
/// subtraction that borrows (at a byte to escape) may flag the bytes above it too. So it is zero
/// exactly when no byte needs an escape, and its lowest set bit is that of the first such byte.
#[inline]
fn first_escape_mask(word: u64) -> u64 {
    let control = word.wrapping_sub(0x20 * ONES);
    let quote = (word ^ (b'"' as u64 * ONES)).wrapping_sub(ONES);
    let backslash = (word ^ (b'\\' as u64 * ONES)).wrapping_sub(ONES);
    // the xors keep each byte's high bit, so `!word` stands for their complements too
    (control | quote | backslash) & !word & HIGHS
}

/// The eight bytes at `bytes[at..at + 8]` as a little-endian word (the byte at `at` lowest).
#[inline]
fn load(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => 0,
    }
}

/// The four bytes at `bytes[at..at + 4]` as a little-endian word (the byte at `at` lowest).
#[inline]
fn half(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(|rest| rest.first_chunk::<4>()) {
        Some(chunk) => u32::from_le_bytes(*chunk) as u64,
        None => 0,
    }
}

/// The byte at `bytes[at]`, or a space (which needs no escape) past the end.
#[inline]
fn byte_or_space(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at).copied().unwrap_or(b' ') as u64
}

/// The bytes of a string shorter than eight bytes packed into a word, some of them twice (two
/// overlapping halves, or the first, middle and last byte), the rest spaces: the word has a byte
/// to escape if and only if the string does.
#[inline]
fn load_short(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 4 {
        half(bytes, 0) | half(bytes, n - 4) << 32
    } else if n > 0 {
        let byte = |at| byte_or_space(bytes, at);
        byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16 | 0x2020_2020_2000_0000
    } else {
        0x2020_2020_2020_2020
    }
}

/// The escape serde_json writes for a byte that needs one.
#[inline]
fn write_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            let hex = [HEX[(byte >> 4) as usize], HEX[(byte & 0xF) as usize]];
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex[0], hex[1]]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// Appends `n` bytes written as whole words: the eight bytes of `word`, cut back to `n` of them
/// (`n` at most 8). A store of a constant size instead of a copy of a variable one.
#[inline]
fn put_word(out: &mut Vec<u8>, word: u64, n: usize) {
    let len = out.len();
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(len + n);
}

/// Appends the contents of a JSON string (without the quotes): the runs that need no escape
/// copied whole, the bytes between them escaped. A string of up to 16 bytes without escapes
/// (most keys, names and ids) takes one or two words, tested and stored whole.
#[inline(always)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    if n > 16 {
        return write_escaped_scan(out, bytes);
    }
    if n >= 8 {
        // two words, overlapping unless n is 16
        let (head, tail) = (load(bytes, 0), load(bytes, n - 8));
        if first_escape_mask(head) | first_escape_mask(tail) == 0 {
            put_word(out, head, n - 8);
            put_word(out, tail, 8);
            return;
        }
    } else if first_escape_mask(load_short(bytes)) == 0 {
        // the bytes in order: the low half, then the high half's top n - 4 bytes
        let word = if n >= 4 {
            let (lo, hi) = (half(bytes, 0), half(bytes, n - 4));
            lo | (hi >> (8 * (8 - n))) << 32
        } else {
            byte_or_space(bytes, 0) | byte_or_space(bytes, 1) << 8 | byte_or_space(bytes, 2) << 16
        };
        put_word(out, word, n);
        return;
    }
    write_escaped_scan(out, bytes)
}

/// [`write_escaped`] of a string of more than 16 bytes, or of a short one with escapes: scans two
/// words at a time, then one, the last word overlapping the one before it (its bytes already
/// scanned masked out); a string shorter than a word byte by byte.
fn write_escaped_scan(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    let mut start = 0; // the first byte not written yet
    if n < 8 {
        for (at, &byte) in bytes.iter().enumerate() {
            if escape_mask(byte as u64 | 0x2020_2020_2020_2000) != 0 {
                out.extend_from_slice(&bytes[start..at]);
                write_escape(out, byte);
                start = at + 1;
            }
        }
        out.extend_from_slice(&bytes[start..]);
        return;
    }
    let mut at = 0; // the first byte not scanned yet
    while at < n {
        let (base, mask) = if at + 16 <= n {
            let a = first_escape_mask(load(bytes, at));
            let b = first_escape_mask(load(bytes, at + 8));
            if a | b == 0 {
                at += 16;
                continue;
            }
            if a != 0 { (at, a) } else { (at + 8, b) }
        } else if at + 8 <= n {
            (at, first_escape_mask(load(bytes, at)))
        } else {
            // the last eight bytes, without those before `at` (0 < at - (n - 8) < 8)
            let base = n - 8;
            (
                base,
                escape_mask(load(bytes, base)) & (u64::MAX << (8 * (at - base))),
            )
        };
        if mask == 0 {
            at = base + 8;
            continue;
        }
        let hit = base + (mask.trailing_zeros() / 8) as usize;
        out.extend_from_slice(&bytes[start..hit]);
        write_escape(out, bytes[hit]);
        start = hit + 1;
        at = hit + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::{BTreeMap, HashMap};

    /// jsonw and serde_json write the same bytes for `v`.
    fn same<T: Serialize + ?Sized + std::fmt::Debug>(v: &T) {
        let ours = to_vec(v).expect("jsonw serialises");
        let theirs = serde_json::to_vec(v).expect("serde_json serialises");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "for {v:?}"
        );
        assert_eq!(ours, theirs);
        // and through a writer, and appended to bytes already there
        let mut w = Vec::new();
        to_writer(&mut w, v).expect("jsonw writes");
        assert_eq!(w, theirs);
        let mut e = b"xy".to_vec();
        extend_vec(&mut e, v).expect("jsonw appends");
        assert_eq!(&e[2..], &theirs[..]);
    }

    /// The word test flags exactly the bytes to escape, whatever their neighbours; the quicker
    /// one flags the same first byte.
    #[test]
    fn escape_mask_is_exact_per_byte() {
        let needs = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        for fill in [0u8, 0x1f, 0x20, b'"', b'\\', 0x7f, 0x80, 0xff] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let want = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| needs(**b))
                        .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
                    let word = u64::from_le_bytes(bytes);
                    assert_eq!(escape_mask(word), want, "{bytes:?}");
                    // the quicker test: the same lowest bit, and zero only when `want` is
                    let first = first_escape_mask(word);
                    assert_eq!(first & first.wrapping_neg(), want & want.wrapping_neg());
                }
            }
        }
    }

    #[test]
    fn every_byte_below_0x80_alone_and_in_company() {
        for b in 0u8..0x80 {
            let c = (b as char).to_string();
            same(&c);
            for pad in 0..17 {
                let s = format!("{}{c}{}", "a".repeat(pad), "é".repeat(pad % 3));
                same(&s);
            }
        }
        let all: String = (0u8..0x80).map(|b| b as char).collect();
        same(&all);
    }

    #[test]
    fn strings_of_every_kind() {
        for s in [
            "",
            "a",
            "\"",
            "\\",
            "\"\\\"\\",
            "/ and </script>",
            "plain ASCII text of more than eight bytes",
            "caf\u{e9} \u{201C}quoted\u{201D} \u{2014} na\u{ef}ve",
            "\u{1F600}\u{1F30D} emoji \u{1F1FA}\u{1F1E6}",
            "\u{7f}\u{80}\u{9f}\u{a0}\u{ff}\u{fffd}\u{feff}\u{2028}\u{2029}",
            "tab\there\nnew line\r\n\u{8}\u{c}\u{0}\u{1f}",
            "12345678",
            "1234567\"",
            "\"1234567",
            "123456789abcdef\\",
            "ends with a quote\"",
            "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{9}\u{a}\u{b}",
            "\u{0}",
            "\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f} ",
        ] {
            same(s);
            same(&s.to_string());
            same(&s.repeat(5));
        }
        // a control byte after each high byte: the subtraction borrows must not hide or invent one
        for hi in [
            "\u{80}",
            "\u{ff}",
            "\u{100}",
            "\u{7ff}",
            "\u{ffff}",
            "\u{10ffff}",
        ] {
            for lo in ["\u{0}", "\u{1f}", "\"", "\\", " ", "!", "#", "[", "]"] {
                same(&format!("{hi}{lo}{hi}{lo}x{lo}"));
                same(&format!("{lo}{hi}{lo}{lo}{hi}{lo}{hi}"));
            }
        }
        same(&'a');
        same(&'"');
        same(&'\u{0}');
        same(&'\u{1F600}');
    }

    #[test]
    fn long_strings_across_word_boundaries() {
        let base: String = "The minister said: \"we\\they\" met\tin\nKyiv \u{2014} \u{1F600}."
            .chars()
            .cycle()
            .take(3000)
            .collect();
        for start in 0..24 {
            let s: String = base.chars().skip(start).take(200 + start * 7).collect();
            same(&s);
        }
        same(&"x".repeat(100_000));
        same(&format!("{}\"", "x".repeat(1023)));
    }

    /// Every length up to five words, with one or two escapes at every place.
    #[test]
    fn escapes_at_every_place_of_every_length() {
        for len in 0..=40 {
            for fill in ["a", "\u{e9}", "\u{1F600}"] {
                let base: Vec<&str> = vec![fill; len];
                same(&base.concat());
                for at in 0..len {
                    for esc in ["\"", "\\", "\n", "\u{1}", "\u{1f}"] {
                        let mut s = base.clone();
                        s[at] = esc;
                        same(&s.concat());
                        s[len - 1 - at] = "\t";
                        same(&s.concat());
                    }
                }
            }
        }
    }

    /// A simple deterministic generator of strings over a troublesome alphabet.
    #[test]
    fn many_generated_strings() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            " ",
            "0",
            "\"",
            "\\",
            "/",
            "\n",
            "\r",
            "\t",
            "\u{8}",
            "\u{c}",
            "\u{0}",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            "!",
            "#",
            "[",
            "]",
            "~",
            "\u{e9}",
            "\u{20ac}",
            "\u{1F600}",
            "\u{80}",
            "\u{2028}",
            "abcdefgh",
            "  ",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            // xorshift64*
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let s: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let ours = to_vec(&s).expect("jsonw");
            let theirs = serde_json::to_vec(&s).expect("serde_json");
            assert_eq!(ours, theirs, "for {s:?}");
        }
    }

    #[test]
    fn numbers() {
        for f in [
            0.0f64,
            -0.0,
            0.1,
            0.3,
            1.0,
            -1.5,
            1e300,
            -1e300,
            1e-300,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            123456789.125,
            1e15,
            1e16,
            1e17,
            1e21,
            1e22,
            std::f64::consts::PI,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(&f);
            same(&(f as f32));
        }
        for f in [0.1f32, 0.85, 0.9, 0.95, 0.7, 1e-45, 3.4e38, 16777217.0] {
            same(&f);
        }
        same(&(0u8, u8::MAX, i8::MIN, i8::MAX));
        same(&(u16::MAX, i16::MIN, u32::MAX, i32::MIN, u64::MAX, i64::MIN));
        same(&(
            u128::MAX,
            i128::MIN,
            i128::MAX,
            0usize,
            usize::MAX,
            isize::MIN,
        ));
        same(&(true, false, (), Some(()), None::<u8>));
        same(&(1u64, 1_700_000_000_123_456_789i128));
    }

    #[derive(Debug, Serialize)]
    struct Unit;

    #[derive(Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Newtype(String);

    #[derive(Debug, Serialize)]
    struct Tuple(u8, String, Option<f32>);

    #[derive(Debug, Serialize)]
    struct Empty {}

    #[derive(Debug, Serialize)]
    enum External {
        Unit,
        Newtype(u32),
        Tuple(i8, String),
        EmptyTuple(),
        Struct { a: Vec<u8>, b: Option<String> },
        EmptyStruct {},
    }

    #[derive(Debug, Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Internal {
        First(Inner),
        SecondOne { x: i32 },
        Third,
    }

    #[derive(Debug, Serialize)]
    #[serde(tag = "t", content = "c")]
    enum Adjacent {
        A(u8),
        B { s: String },
    }

    #[derive(Debug, Serialize)]
    #[serde(untagged)]
    enum Untagged {
        N(u8),
        S(String),
    }

    #[derive(Debug, Serialize)]
    struct Inner {
        #[serde(rename = "type")]
        kind: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<String>,
        #[serde(rename = "r\"enamed\n")]
        odd: u8,
    }

    #[derive(Debug, Serialize)]
    struct Outer {
        id: String,
        #[serde(flatten)]
        inner: Inner,
        #[serde(flatten)]
        extra: BTreeMap<String, u8>,
        list: Vec<Option<Vec<BTreeMap<u32, String>>>>,
        unit: Unit,
        newtype: Newtype,
        tuple: Tuple,
        empty: Empty,
        bytes: serde_bytes_like::Bytes,
    }

    /// `serialize_bytes` without another crate.
    mod serde_bytes_like {
        #[derive(Debug)]
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn containers_and_enums() {
        same(&Vec::<u8>::new());
        same(&vec![vec![1u8], vec![], vec![2, 3]]);
        same(&Some(vec![Some(1u8), None]));
        same(&BTreeMap::<String, u8>::new());
        let mut ints = BTreeMap::new();
        ints.insert(-3i64, vec![Some(0.5f64), None]);
        ints.insert(7, vec![]);
        same(&ints);
        let mut keys = BTreeMap::new();
        keys.insert(1u8, "u8");
        keys.insert(255, "max");
        same(&keys);
        same(&BTreeMap::from([(u128::MAX, 1u8)]));
        same(&BTreeMap::from([(i128::MIN, 1u8)]));
        same(&BTreeMap::from([(true, 1u8), (false, 0)]));
        same(&BTreeMap::from([('c', 1u8), ('"', 2)]));
        same(&BTreeMap::from([("k\"ey\\\n".to_string(), 1u8)]));
        same(&BTreeMap::from([(Some("opt".to_string()), 1u8)]));
        same(&HashMap::from([(1.5f64.to_bits(), 1u8)]));
        same(&BTreeMap::from([(
            Newtype("nt".into()),
            BTreeMap::from([(2u16, Unit)]),
        )]));
        // ordered keys for the float maps (HashMap order is random, but one entry is stable)
        same(&vec![(1u8, "a"), (2, "b")]);
        same(&External::Unit);
        same(&External::Newtype(7));
        same(&External::Tuple(-1, "x".into()));
        same(&External::EmptyTuple());
        same(&External::Struct {
            a: vec![1, 2],
            b: None,
        });
        same(&External::EmptyStruct {});
        same(&BTreeMap::from([(1u8, External::Unit)]));
        same(&Internal::First(Inner {
            kind: "k".into(),
            skipped: None,
            odd: 1,
        }));
        same(&Internal::SecondOne { x: -5 });
        same(&Internal::Third);
        same(&Adjacent::A(1));
        same(&Adjacent::B { s: "s".into() });
        same(&vec![Untagged::N(1), Untagged::S("s".into())]);
        same(&Outer {
            id: "o1".into(),
            inner: Inner {
                kind: "t".into(),
                skipped: Some("kept".into()),
                odd: 2,
            },
            extra: BTreeMap::from([("z".to_string(), 26u8), ("a".to_string(), 1)]),
            list: vec![
                None,
                Some(vec![]),
                Some(vec![
                    BTreeMap::new(),
                    BTreeMap::from([(3u32, "three".into())]),
                ]),
            ],
            unit: Unit,
            newtype: Newtype("n\u{0}".into()),
            tuple: Tuple(9, "nine".into(), Some(f32::NAN)),
            empty: Empty {},
            bytes: serde_bytes_like::Bytes(vec![0, 1, 255]),
        });
        same(&chrono::NaiveDate::from_ymd_opt(2024, 2, 29));
        same(&chrono::NaiveDate::from_ymd_opt(-44, 3, 15));
        same(&BTreeMap::from([(
            chrono::NaiveDate::from_ymd_opt(2024, 1, 2).expect("a date"),
            1u8,
        )]));
        same(&serde_json::json!({"a": [1, 2.5, null, "s", {"b": false}], "c": -0.0}));
        same(&std::path::PathBuf::from("/tmp/a \"b\""));
        same(&std::time::Duration::from_millis(1500));
    }

    #[test]
    fn errors_where_serde_json_has_them() {
        for v in [f64::NAN, f64::INFINITY] {
            let m = BTreeMap::from([(v.to_bits(), 1u8)]);
            same(&m); // u64 keys are fine
            assert!(serde_json::to_vec(&HashMap::from([(FloatKey(v), 1u8)])).is_err());
            assert!(to_vec(&HashMap::from([(FloatKey(v), 1u8)])).is_err());
        }
        same(&HashMap::from([(FloatKey(0.25), 1u8)]));
        same(&HashMap::from([(FloatKey(-0.0), 1u8)]));
        assert!(serde_json::to_vec(&BTreeMap::from([(vec![1u8], 1u8)])).is_err());
        assert!(to_vec(&BTreeMap::from([(vec![1u8], 1u8)])).is_err());
        assert!(to_vec(&BTreeMap::from([((), 1u8)])).is_err());
        assert!(to_vec(&BTreeMap::from([(None::<String>, 1u8)])).is_err());
        // a failing writer's error comes back as itself
        struct Full;
        impl io::Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::StorageFull, "full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let e = to_writer(Full, "x").expect_err("the writer fails");
        assert_eq!(io::Error::from(e).kind(), io::ErrorKind::StorageFull);
        let e = to_writer(Full, &chrono::NaiveDate::from_ymd_opt(2024, 1, 2)).expect_err("fails");
        assert_eq!(io::Error::from(e).kind(), io::ErrorKind::StorageFull);
    }

    /// A float map key (f64 is not `Hash`/`Ord`).
    #[derive(Debug, PartialEq)]
    struct FloatKey(f64);
    impl Eq for FloatKey {}
    impl std::hash::Hash for FloatKey {
        fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
            self.0.to_bits().hash(h)
        }
    }
    impl Serialize for FloatKey {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.serialize_f64(self.0)
        }
    }

    /// The project's own types, from a made-up article run through the pipeline and the graph.
    #[test]
    fn project_types_from_the_pipeline() {
        use crate::pipeline::{Limits, extract_article};
        use crate::types::Article;
        let text = "Freedonian President Rufus T. Firefly spoke by phone with Sylvanian \
            Ambassador Trentino on Tuesday, the presidency said.\n\n\"We agreed to keep \
            talking,\" Firefly told reporters in Freedonia City. \u{201C}There is no \
            alternative \\ none.\u{201D}\n\nOn Monday, a blast in Sylvania killed 3 people and \
            injured 12, officials said; Trentino met Firefly in Paris on Wednesday.\tTabs \
            and \u{1}control bytes stay.";
        let articles = [
            Article {
                id: "made-up-1".into(),
                title: Some("Firefly \"talks\" with Trentino".into()),
                published: chrono::NaiveDate::from_ymd_opt(2024, 3, 15),
                url: Some("https://www.example.org/news/1?q=a&b=\"c\"".into()),
                text: text.into(),
            },
            Article {
                id: "made-up-2".into(),
                title: None,
                published: None,
                url: None,
                text: text.replace("Tuesday", "Thursday"),
            },
        ];
        let facts: Vec<_> = articles
            .iter()
            .map(|a| extract_article(a, &Limits::default()))
            .collect();
        assert!(
            !facts[0].actors.is_empty() && !facts[0].statements.is_empty(),
            "the article has facts: {:?}",
            facts[0]
        );
        for f in &facts {
            same(f);
            same(&f.article);
            same(&f.actors);
            same(&f.calls);
            same(&f.statements);
            same(&f.events);
        }
        let g = crate::graph::build_lossless(facts.clone(), &Default::default());
        assert!(g.g.node_count() > 0);
        assert!(
            !facts[0].calls.is_empty() && !facts[0].events.is_empty() && g.g.edge_count() > 0,
            "calls, events and edges to write"
        );
        for n in g.nodes() {
            same(n);
        }
        for (s, t, e) in g.edges() {
            same(&(s, t, e));
        }
        // the graph file: the streamed writer against serde_json's pretty JSON of the whole
        // graph with the whitespace between tokens taken out
        let mut file = Vec::new();
        g.write_json(&mut file).expect("graph written");
        let want = minify(g.to_json_string().as_bytes());
        assert_eq!(
            String::from_utf8_lossy(&file),
            String::from_utf8_lossy(&want)
        );
        // the query index's core, with a stamp
        let mut idx = crate::query::Index::from_graph(&g);
        idx.core.graph_stamp = Some((12345, -1_700_000_000_123_456_789));
        same(&idx.core);
        for r in crate::query::facts(&g, &[], None, Default::default()) {
            same(&r);
        }
    }

    /// JSON without the whitespace outside its strings (pretty → compact; keeps the final
    /// newline).
    fn minify(json: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(json.len());
        let (mut in_string, mut escaped) = (false, false);
        for &b in json {
            if in_string {
                out.push(b);
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else if b == b'"' {
                in_string = true;
                out.push(b);
            } else if !b.is_ascii_whitespace() {
                out.push(b);
            }
        }
        out.push(b'\n');
        out
    }
}
