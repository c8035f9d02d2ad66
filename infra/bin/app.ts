// `cdk synth` / `cdk deploy` entry point.
import { buildArrearsApp } from '../lib/arrears-app';

buildArrearsApp().app.synth();
