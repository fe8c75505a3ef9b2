package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tearnn.file.ModelFile;
import tearnn.file.SafeTensors;
import tearnn.file.SavedModel;
import tearnn.sample.GenerationSettings;
import tearnn.settings.Setting;
import tearnn.task.AdderSettings;
import tearnn.task.ClassificationSettings;
import tearnn.task.ForecastSettings;
import tearnn.task.LanguageModelSettings;
import tearnn.task.MemorySettings;
import tearnn.task.TranslationSettings;

/**
 * The JVM command line: {@code adder}, {@code memory}, {@code classify}, {@code forecast}, {@code translate},
 * {@code train}, {@code sample}, {@code inspect}, {@code corpus}, {@code bench}.
 * Run {@code java -jar target/tearnn.jar} for the usage.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: java -jar tearnn.jar COMMAND [options]",
            "",
            "  adder   train the binary adder",
            options(AdderSettings.ALL),
            "          --max-steps 5000 --test-bits 16 --out FILE.json --threads N",
            "  memory  train a memory task (adding problem, copy memory, temporal order) until solved",
            options(MemorySettings.ALL),
            "          --seconds 300 --max-steps N --check-every 50 --patience 0 --out FILE.json --threads N",
            "  classify classify sequences (many-to-one): --digits rows|pixels, or a table of your own:",
            "          --data F.csv --label COLUMN [--columns A,B,...] [--id COLUMN (rows of an id: one sequence)",
            "          | --window K (K rows in a row: one sequence, labelled by the next row)]",
            "          or --data F.csv --label COLUMN --text COLUMN [--tokens words|characters] (a text a row)",
            options(ClassificationSettings.ALL),
            "          --seconds 60 --max-steps N --check-every 100 --out FILE.json --threads N",
            "          --split-out FILE (the held-out examples' indices, one a line: to score a peer on them)",
            "  forecast forecast a time series: --series sunspots|co2|elnino|temperatures, or a table of your own:",
            "          --csv F.csv --column C [--date D (sorts and labels the rows)]; either with --inputs A,B (extra",
            "          input columns; temperatures: temp_min, precipitation, wind)",
            options(ForecastSettings.ALL),
            "          --seconds 60 --max-steps N --check-every 50 --patience 0 --keep best|last --out FILE.json --threads N",
            "  translate train a translator (an encoder-decoder with attention): dates in a dozen formats to ISO,",
            "          or digit strings reversed; --translate TEXT translates a text of your own at the end",
            options(TranslationSettings.ALL),
            "          --seconds 120 --max-steps N --check-every 200 --beam 1 --out FILE.json --threads N",
            "  train   train a next-word (or --chars: next-character) model",
            "          --text FILE.txt (default: the built-in grammar corpus) --grammar-words 60000",
            options(LanguageModelSettings.ALL),
            "          --steps 2000 --eval-every 200 --patience 0 --out model.json --resume model.json --threads N",
            "  sample  generate from a saved word or character model",
            "          --model FILE.json --prime \"the dog\"",
            options(GenerationSettings.ALL),
            "          --seed 1 --top 5 (also print the top next tokens after the prime)",
            "  inspect look inside a saved word or character model (prints JSON): --model FILE.json and",
            "          --prime TEXT --connectivity [--target TOKEN]   how much each prompt token moves log p(target)",
            "          --prime TEXT --trace                           h, c and every gate at every token",
            "          --gradient-flow --text FILE [--bptt 20 --batch 8]  ||dL/dh_t|| per layer and step, one batch",
            "  corpus  write the built-in grammar corpus: --words 60000 --seed 1 --out FILE.txt",
            "  bench   run the benchmark workloads W-LM, W-LM-1, W-ADD, W-ADD-batched, W-WORD, SOL-MM: --only W-LM",
            "          then W-LM, W-ADD-batched and W-WORD on 2, 4 ... up to --threads N threads",
            "",
            "  --threads N: threads computing each step's gradient, by shares of the batch (default: one per processor)");

    /** The options that stand alone, without a value: the settings that are flags, and {@code own}. */
    private static Set<String> flags(List<Setting> settings, String... own) {
        Set<String> names = new HashSet<>(List.of(own));
        for (Setting s : settings) {
            if (s.kind() == Setting.Kind.FLAG) {
                names.add(Args.option(s.name()));
            }
        }
        return names;
    }

    /** The defaults that depend on another setting, as the usage shows them: "(char: 128)". */
    private static String whenOther(Setting s) {
        StringBuilder b = new StringBuilder();
        s.defaultsWhen().forEach((other, m) -> m.forEach((choice, v) -> b.append(b.length() == 0 ? "(" : ", ")
                .append(choice).append(": ").append(v)));
        return b.length() == 0 ? "" : b.append(')').toString();
    }

    /** The options of these settings with their defaults, wrapped and indented as the usage shows them. */
    static String options(List<Setting> settings) {
        StringBuilder all = new StringBuilder();
        StringBuilder line = new StringBuilder("         ");
        for (Setting s : settings) {
            String o = " --" + Args.option(s.name()) + switch (s.kind()) {
                case CHOICE -> " " + String.join("|", s.choiceIds()) + " (" + s.defaultText() + ")";
                case FLAG -> "";
                default -> " " + s.defaultText() + whenOther(s);
            };
            if (line.length() + o.length() > 100) {
                all.append(line).append('\n');
                line = new StringBuilder("         ");
            }
            line.append(o);
        }
        return all.append(line).toString();
    }

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            switch (args[0]) {
                case "adder" -> AdderCommand.run(new Args(args, 1, flags(AdderSettings.ALL)), out);
                case "memory" -> MemoryCommand.run(new Args(args, 1, flags(MemorySettings.ALL)), out);
                case "classify" -> ClassifyCommand.run(new Args(args, 1, flags(ClassificationSettings.ALL)), out);
                case "forecast" -> ForecastCommand.run(new Args(args, 1, flags(ForecastSettings.ALL)), out);
                case "translate" -> TranslateCommand.run(new Args(args, 1, flags(TranslationSettings.ALL)), out);
                case "train" -> TrainCommand.run(new Args(args, 1, flags(LanguageModelSettings.ALL, "chars")), out);
                case "sample" -> SampleCommand.run(new Args(args, 1, Set.of("greedy")), out);
                case "corpus" -> CorpusCommand.run(new Args(args, 1, Set.of()), out);
                case "bench" -> BenchCommand.run(new Args(args, 1, Set.of()), out);
                case "inspect" -> InspectCommand.run(new Args(args, 1, Set.of("connectivity", "trace", "gradient-flow")), out);
                default -> {
                    err.println("tearnn: unknown command '" + args[0] + "'\n\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("tearnn: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("tearnn: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("tearnn: " + e);
            return 1;
        }
    }

    /** Reads a UTF-8 text file; errors name the file. */
    static String readText(String file) throws IOException {
        Path p = Path.of(file);
        try {
            byte[] bytes = Files.readAllBytes(p);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text (binary file?)");
        }
    }

    /** Writes a file through a temporary file, so a failed write never destroys an existing model. */
    static void writeText(String file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(String file, byte[] bytes) throws IOException {
        Path p = Path.of(file).toAbsolutePath();
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            // a device or a pipe (/dev/null, /dev/stdout): written to as it is, never replaced by a file
            Files.write(p, bytes);
            return;
        }
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether a model file name asks for the compact binary form. */
    static boolean safetensors(String file) {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".safetensors");
    }

    /** Reads a model file: {@code .safetensors} (binary) or else the JSON form. Errors name the file. */
    static SavedModel readModel(String file) throws IOException {
        if (!safetensors(file)) {
            return ModelFile.read(readText(file));
        }
        try {
            return SafeTensors.read(Files.readAllBytes(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        }
    }

    /** Writes a model in the form its name asks for: {@code .safetensors} (binary, compact) or JSON. */
    static void writeModel(String file, SavedModel saved) throws IOException {
        if (safetensors(file)) {
            writeBytes(file, SafeTensors.write(saved, true));
        } else {
            writeText(file, ModelFile.write(saved));
        }
    }
}
