package tearnn.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import tearnn.json.Numbers;
import tearnn.lab.Lab;

/**
 * The browser entry point, the same for the WebAssembly and the JavaScript build: it installs
 * {@code self.tearnnHandle(request) -> reply}, JSON text in and out (see {@link Lab}), in a Web
 * Worker or, where workers are not allowed (file://), on the page itself.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** A JavaScript function of one string returning a string. */
    @JSFunctor
    interface Handler extends JSObject {
        String handle(String request);
    }

    @JSBody(params = "f", script = "self.tearnnHandle = f;")
    private static native void install(Handler f);

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
        install(lab::handle);
    }
}
