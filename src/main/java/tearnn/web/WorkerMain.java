package tearnn.web;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int8Array;
import tearnn.file.PackedModel;
import tearnn.json.Numbers;
import tearnn.lab.Lab;

/**
 * The browser entry point, the same for the WebAssembly and the JavaScript build: it installs, in a
 * Web Worker or, where workers are not allowed (file://), on the page itself,
 * <ul>
 *   <li>{@code self.tearnnHandle(request) -> reply}, JSON text in and out (see {@link Lab});</li>
 *   <li>{@code self.tearnnPack(panel, optimizerState) -> {text, arrays: [Float64Array], steps}} (or
 *       null): the panel's model packed for IndexedDB, which keeps typed arrays as they are, and the
 *       steps it has finished;</li>
 *   <li>{@code self.tearnnUnpack(request, text, arrays) -> reply}: loads a model kept that way;</li>
 *   <li>{@code self.tearnnSaveFile(panel) -> Int8Array} (or null) and
 *       {@code self.tearnnOpenFile(request, bytes) -> reply}: the panel's model as a .safetensors file,
 *       and a model loaded from one;</li>
 *   <li>{@code self.tearnnWriteModelFile(panel, pieceChars, take(text, done)) -> boolean}: the panel's
 *       model file (JSON) handed to {@code take} a piece at a time, with the share written so far
 *       (false if the panel has no model), so that a big file is never one string;</li>
 *   <li>{@code self.tearnnContribution(panel) -> Float64Array} (or null) and
 *       {@code self.tearnnGather(request, contributions) -> reply}: when several workers train one model,
 *       this worker's share of the step under way, and every worker's, in share order, its own null
 *       or empty (see {@link Lab#gather}).</li>
 * </ul>
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** A JavaScript function of one string returning a string. */
    @JSFunctor
    interface Handler extends JSObject {
        String handle(String request);
    }

    @JSFunctor
    interface Packer extends JSObject {
        JSObject pack(String panel, boolean optimizerState);
    }

    @JSFunctor
    interface Unpacker extends JSObject {
        String unpack(String request, String text, JSArray<Float64Array> arrays);
    }

    @JSFunctor
    interface FileSaver extends JSObject {
        Int8Array save(String panel);
    }

    /** A JavaScript function given each piece of a model file and the share written so far. */
    @JSFunctor
    interface PieceTaker extends JSObject {
        void take(String text, double done);
    }

    @JSFunctor
    interface ModelFileWriter extends JSObject {
        boolean write(String panel, int pieceChars, PieceTaker take);
    }

    @JSFunctor
    interface FileOpener extends JSObject {
        String open(String request, Int8Array bytes);
    }

    @JSFunctor
    interface Contributor extends JSObject {
        Float64Array contribution(String panel);
    }

    @JSFunctor
    interface Gatherer extends JSObject {
        String gather(String request, JSArray<Float64Array> contributions);
    }

    @JSBody(params = {"handle", "pack", "unpack"},
            script = "self.tearnnHandle = handle; self.tearnnPack = pack; self.tearnnUnpack = unpack;")
    private static native void install(Handler handle, Packer pack, Unpacker unpack);

    @JSBody(params = {"contribution", "gather"},
            script = "self.tearnnContribution = contribution; self.tearnnGather = gather;")
    private static native void installSharing(Contributor contribution, Gatherer gather);

    @JSBody(params = {"save", "open", "write"},
            script = "self.tearnnSaveFile = save; self.tearnnOpenFile = open; self.tearnnWriteModelFile = write;")
    private static native void installFiles(FileSaver save, FileOpener open, ModelFileWriter write);

    @JSBody(params = {"text", "arrays", "steps"}, script = "return { text: text, arrays: arrays, steps: steps };")
    private static native JSObject packed(String text, JSArray<Float64Array> arrays, int steps);

    @JSBody(script = "return performance.now() / 1000;")
    private static native double seconds();

    @JSBody(params = "v", script = "return String(v);")
    private static native String formatNumber(double v);

    @JSBody(params = "s", script = "return Number(s);")
    private static native double parseNumber(String s);

    public static void main(String[] args) {
        Numbers.install(new Numbers.Codec() {
            @Override
            public String format(double v) {
                return formatNumber(v);
            }

            @Override
            public double parse(String s) {
                return parseNumber(s);
            }
        });
        Lab lab = new Lab(WorkerMain::seconds);
        install(lab::handle, (panel, optimizerState) -> {
            PackedModel p = lab.pack(panel, optimizerState);
            if (p == null) {
                return null;
            }
            JSArray<Float64Array> arrays = JSArray.create();
            for (double[] a : p.arrays()) {
                arrays.push(Float64Array.copyFromJavaArray(a));
            }
            return packed(p.text(), arrays, lab.steps(panel));
        }, (request, text, arrays) -> {
            List<double[]> list = new ArrayList<>();
            for (int i = 0; i < arrays.getLength(); i++) {
                list.add(arrays.get(i).copyToJavaArray());
            }
            return lab.loadPacked(request, new PackedModel(text, list));
        });
        installFiles(panel -> {
            byte[] file = lab.safeTensors(panel);
            return file == null ? null : Int8Array.copyFromJavaArray(file);
        }, (request, bytes) -> lab.loadSafeTensors(request, bytes.copyToJavaArray()),
                (panel, pieceChars, take) -> lab.modelFile(panel, pieceChars, take::take));
        installSharing(panel -> {
            double[] c = lab.contribution(panel);
            return c == null ? null : Float64Array.copyFromJavaArray(c);
        }, (request, contributions) -> {
            double[][] all = new double[contributions.getLength()][];
            for (int i = 0; i < all.length; i++) {
                Float64Array c = contributions.get(i);
                all[i] = c == null ? null : c.copyToJavaArray();
            }
            return lab.gather(request, all);
        });
    }
}
