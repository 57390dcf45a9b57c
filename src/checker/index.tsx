/** Web checker entry: checks workbooks in the browser with the same engine as `perf-eval check`. */
import { createRoot } from "react-dom/client";
import { CheckerApp } from "./CheckerApp";

const container = document.getElementById("root");
if (container !== null) createRoot(container).render(<CheckerApp />);
