// A tiny consumer app: imports the package by name, as an app built with Vite would.
import { check, profiles } from "csv-preflight";
import { checkFile } from "csv-preflight/worker";

const name = "add-users_example.csv";
const bytes = new Uint8Array(await (await fetch(`/${name}`)).arrayBuffer());
const options = { profile: "fujifilm-iwpro/add-users", fileName: name };
const whole = check(bytes, options);
const progress = [];
const viaWorker = await checkFile(new File([bytes], name), options, {
  onProgress: (p) => progress.push(p),
});
window.results = { whole, viaWorker, progress, ids: profiles().map((p) => p.id) };
document.body.dataset.done = "yes";
