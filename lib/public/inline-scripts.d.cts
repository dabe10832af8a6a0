export declare const VI_SCRIPT: string;
export declare const HEIGHT_SCRIPT: string;
export declare const ZOD_JITLESS: string;
