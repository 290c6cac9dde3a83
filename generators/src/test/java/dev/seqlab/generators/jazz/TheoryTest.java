package dev.seqlab.generators.jazz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.generators.jazz.theory.ChordQuality;
import dev.seqlab.generators.jazz.theory.ChordSymbol;
import dev.seqlab.generators.jazz.theory.Progression;
import org.junit.jupiter.api.Test;

class TheoryTest {

    @Test
    void parsesRootsAccidentalsAndQualities() {
        assertEquals(new ChordSymbol(10, ChordQuality.DOMINANT7, "Bb7"), ChordSymbol.parse("Bb7"));
        assertEquals(6, ChordSymbol.parse("F#m7b5").root());
        assertEquals(ChordQuality.HALF_DIMINISHED, ChordSymbol.parse("F#m7b5").quality());
        assertEquals(ChordQuality.MAJOR7, ChordSymbol.parse("Ebmaj7").quality());
        assertEquals(3, ChordSymbol.parse("Ebmaj7").root());
        assertEquals(ChordQuality.MINOR7, ChordSymbol.parse("C-7").quality());
        assertEquals(ChordQuality.ALTERED7, ChordSymbol.parse("G7b9").quality());
        assertEquals(ChordQuality.DOMINANT7, ChordSymbol.parse("C7/E").quality());
        assertEquals(ChordQuality.MAJOR7, ChordSymbol.parse("C").quality());
        assertEquals(11, ChordSymbol.parse("Cb").root());
    }

    @Test
    void unknownSymbolsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChordSymbol.parse("Hm7"));
        assertTrue(e.getMessage().contains("'Hm7'"), e.getMessage());
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class, () -> ChordSymbol.parse("Cxyz"));
        assertTrue(q.getMessage().contains("unknown quality 'xyz'"), q.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Progression.parse("  "));
    }

    @Test
    void chordScaleAndApproachTones() {
        ChordSymbol g7 = ChordSymbol.parse("G7");
        assertTrue(g7.isChordTone(67) && g7.isChordTone(71) && g7.isChordTone(74) && g7.isChordTone(65)); // G B D F
        assertFalse(g7.isChordTone(72));
        assertTrue(g7.isScaleTone(72) && g7.isScaleTone(64)); // C, E in G Mixolydian
        assertFalse(g7.isScaleTone(68)); // Ab
        assertTrue(g7.isApproachTone(68) && g7.isApproachTone(70)); // Ab→G, Bb→B
        assertFalse(g7.isApproachTone(67));
    }

    @Test
    void progressionsInTimeRepeatAndTranspose() {
        Progression p = Progression.parse("Cmaj7 Am7,D7 | Dm7,G7 Cmaj7");
        assertEquals(4, p.bars());
        assertEquals("Am7", p.chordAt(16).symbol());
        assertEquals("D7", p.chordAt(24).symbol());
        assertEquals(24, p.chordStart(27));
        assertEquals("Cmaj7", p.chordAt(64).symbol(), "repeats after 4 bars");
        Progression up = Progression.parse(Progression.II_V_I).transpose(3);
        assertEquals("Fm7 Bb7 Ebmaj7 Ebmaj7", up.toString());
        assertEquals(5, up.chordAt(0).root());
    }
}
