package org.liquide.generate.diffusion.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.TinyModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PromptTokenizerTest {
    private static final List<String> PROMPTS = List.of(
            "a red cat",
            "  The BLUE dog\tover   the sea  ",
            "sunset, 1984!! neon-city",
            "café au lait — déjà vu",
            "forestlight of catdogs",
            "");

    @Test
    void bothLayoutsGiveTheSameIds(@TempDir Path dir) throws Exception {
        TinyModels.writeTokenizer(dir, TinyModels.TokenizerLayout.BOTH);
        try (PromptTokenizer json = HuggingFaceJsonTokenizer.load(dir);
             PromptTokenizer bpe = ClipBpeTokenizer.load(dir)) {
            for (String prompt : PROMPTS) {
                assertArrayEquals(json.encode(prompt), bpe.encode(prompt), "ids of '" + prompt + "'");
            }
        }
    }

    @Test
    void idsAreFramedAndPaddedTo77(@TempDir Path dir) throws Exception {
        TinyModels.writeTokenizer(dir, TinyModels.TokenizerLayout.VOCAB_AND_MERGES);
        try (PromptTokenizer tokenizer = PromptTokenizers.open(dir)) {
            assertInstanceOf(ClipBpeTokenizer.class, tokenizer);
            long[] ids = tokenizer.encode("A red CAT");
            assertEquals(77, ids.length);
            assertEquals(77, tokenizer.length());
            assertEquals(SpecialTokens.CLIP_START, ids[0]);
            assertEquals(SpecialTokens.CLIP_END, ids[4]);
            assertEquals(SpecialTokens.CLIP_END, ids[76], "padded with the end token (SD 1.x)");
            assertTrue(ids[1] > 511 || ids[1] == 256 + 64, "'a</w>' is a vocabulary entry");
            long[] same = tokenizer.encode("a   red cat");
            assertArrayEquals(ids, same, "case and whitespace do not matter");
            assertFalse(Arrays.equals(ids, tokenizer.encode("a blue cat")));
        }
    }

    @Test
    void longPromptsAreTruncatedKeepingTheEndToken(@TempDir Path dir) throws Exception {
        TinyModels.writeTokenizer(dir, TinyModels.TokenizerLayout.TOKENIZER_JSON);
        try (PromptTokenizer tokenizer = PromptTokenizers.open(dir)) {
            assertInstanceOf(HuggingFaceJsonTokenizer.class, tokenizer);
            long[] ids = tokenizer.encode("red cat ".repeat(60));
            assertEquals(77, ids.length);
            assertEquals(SpecialTokens.CLIP_START, ids[0]);
            assertEquals(SpecialTokens.CLIP_END, ids[76]);
            assertNotEquals(SpecialTokens.CLIP_END, ids[75]);
        }
    }

    @Test
    void theFolderChoosesThePaddingToken(@TempDir Path dir) throws Exception {
        TinyModels.writeTokenizer(dir, TinyModels.TokenizerLayout.BOTH);
        Files.writeString(dir.resolve("special_tokens_map.json"), "{\"pad_token\": \"!\"}");
        try (PromptTokenizer json = HuggingFaceJsonTokenizer.load(dir); PromptTokenizer bpe = ClipBpeTokenizer.load(dir)) {
            long exclamation = 0; // '!' is the first byte in CLIP's vocabulary: SD 2.x and SD-Turbo pad with it
            assertEquals(exclamation, bpe.encode("a cat")[10]);
            assertArrayEquals(bpe.encode("a cat"), json.encode("a cat"));
        }
    }

    @Test
    void aFolderWithoutTokenizerIsALoadError(@TempDir Path dir) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> PromptTokenizers.open(dir));
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
        assertTrue(e.getMessage().contains("vocab.json and merges.txt"), e.getMessage());
    }
}
